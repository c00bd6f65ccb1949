package kr.aa.spark;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * A SQL model of a step: {@code sql/<step>/NN_<name>.sql}, whose result is the temporary view {@code <name>},
 * and its contract beside it, {@code NN_<name>.json}: its grain, whether it is computed once (materialised) for
 * the models after it, and whether it is published as the warehouse dataset {@code <name>} (whose contract in
 * {@code schemas/warehouse/} gives its columns, and {@code schemas/reports/}, where there is one, its report).
 * A model that is not published names its columns, in order, each with its meaning where the glossary
 * ({@code schemas/columns.json}) has none. The models of a step run in the order of their numbers.
 */
public record Model(String name, String sql, Contract contract) {

    private static final Pattern FILE = Pattern.compile("\\d+_(\\w+)\\.sql");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What {@code NN_<name>.json} says of its model. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Contract(String grain, boolean materialised, boolean published, List<Column> columns) {
    }

    /** A column of a model that is not published. */
    public record Column(String name, String description) {
    }

    /** The models of {@code sql/<step>/} on the class path, in order. */
    public static List<Model> of(String step) {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver(Model.class.getClassLoader())
                    .getResources("classpath*:sql/" + step + "/*.sql");
            List<Model> models = new ArrayList<>();
            for (Resource file : Arrays.stream(files).sorted(Comparator.comparing(Resource::getFilename)).toList()) {
                Matcher name = FILE.matcher(file.getFilename());
                if (!name.matches()) {
                    throw new IllegalStateException("sql/" + step + "/" + file.getFilename()
                            + ": a model's file is NN_<name>.sql");
                }
                Resource contract = file.createRelative(file.getFilename().replace(".sql", ".json"));
                if (!contract.exists()) {
                    throw new IllegalStateException("sql/" + step + "/" + file.getFilename() + " has no contract "
                            + contract.getFilename() + " beside it");
                }
                models.add(new Model(name.group(1), file.getContentAsString(StandardCharsets.UTF_8),
                        JSON.readValue(contract.getInputStream(), Contract.class)));
            }
            return models;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the models of sql/" + step, e);
        }
    }

    /** Fails, naming the model, where the view's columns are not those its contract names. */
    public void check(List<String> viewColumns) {
        if (contract.published()) {
            return;  // projected through its warehouse contract when it is written
        }
        List<String> named = contract.columns().stream().map(Column::name).toList();
        if (!named.equals(viewColumns)) {
            throw new IllegalStateException("the model " + name + " gives the columns " + viewColumns
                    + ", its contract names " + named);
        }
    }
}
