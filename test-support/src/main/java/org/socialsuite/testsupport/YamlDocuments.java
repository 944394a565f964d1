package org.socialsuite.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Every document of YAML (or JSON) files, as maps: the manifests deploy/ applies, read by tests.
 */
public final class YamlDocuments {

    private YamlDocuments() {}

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> read(List<Path> files) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Path file : files) {
            try {
                for (Object document :
                        new Yaml(new LoaderOptions()).loadAll(Files.readString(file))) {
                    if (document != null) {
                        documents.add((Map<String, Object>) document);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return documents;
    }
}
