package kr.aa.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LatestTest {

    /** A submission of some thing: when, and a figure of its content. */
    private record Sent(String thing, String submittedAt, long figure) {
    }

    private static final Comparator<Sent> ORDER = Latest.order(Sent::submittedAt,
            Comparator.comparingLong(Sent::figure).reversed());

    private static Set<Sent> latest(List<Sent> sent) {
        return Latest.of(sent, Sent::thing, ORDER);
    }

    @Test
    void theLaterInstantWinsWhateverTheOffsetItIsWrittenIn() {
        Sent seoul = new Sent("a", "2024-10-14T10:00:00+09:00", 1);
        Sent utc = new Sent("a", "2024-10-14T02:00:00Z", 2);
        assertEquals(Set.of(utc), latest(List.of(seoul, utc)));
    }

    @Test
    void atTheSameInstantTheLaterTextThenTheSmallerFigureWin() {
        Sent inUtc = new Sent("a", "2024-10-14T01:00:00Z", 1);
        Sent inSeoul = new Sent("a", "2024-10-14T10:00:00+09:00", 1);
        assertEquals(Set.of(inSeoul), latest(List.of(inSeoul, inUtc)));
        Sent smaller = new Sent("b", "2024-10-14T10:00:00+09:00", 3);
        Sent larger = new Sent("b", "2024-10-14T10:00:00+09:00", 4);
        assertEquals(Set.of(smaller), latest(List.of(larger, smaller)));
    }

    @Test
    void eachThingKeepsItsOwnLatestWhateverTheOrderOfTheInput() {
        List<Sent> sent = new ArrayList<>(List.of(new Sent("a", "2024-10-01T09:00:00+09:00", 1),
                new Sent("a", "2024-10-02T09:00:00+09:00", 1), new Sent("b", "2024-10-03T09:00:00+09:00", 1),
                new Sent("b", "2024-10-01T09:00:00+09:00", 1)));
        Set<Sent> expected = Set.of(sent.get(1), sent.get(2));
        for (int i = 0; i < 4; i++) {
            Collections.rotate(sent, 1);
            assertEquals(expected, latest(sent));
        }
    }
}
