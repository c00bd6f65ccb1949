package kr.aa.pay;

import java.util.List;

/** A row of {@code payroll.csv} as checked: its typed values when well formed, else the rules it broke. */
public record PayrollRow(long line, String employerId, String employeeKey, String gender, String employmentType,
        String level, int jobType, String hiredOn, int monthsWorked, long[] pay, List<Rejection> rejections) {

    public record Rejection(String rule, String message) {
    }

    public boolean wellFormed() {
        return rejections.isEmpty();
    }

    public boolean binaryGender() {
        return gender.equals("F") || gender.equals("M");
    }
}
