package org.epicall.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * What the project's poms say about running tests: the modules, and for each module the test
 * runners that run in its build (Surefire always, Failsafe where a pom declares it as a build
 * plugin) with the patterns each one uses. A module's own {@code <includes>} or {@code <excludes>}
 * replace the parent's, as Maven's configuration merge does for lists.
 */
public final class BuildModel {

    private static final String SUREFIRE = "maven-surefire-plugin";
    private static final String FAILSAFE = "maven-failsafe-plugin";

    private final Path root;
    private final Element rootPom;

    private BuildModel(Path root, Element rootPom) {
        this.root = root;
        this.rootPom = rootPom;
    }

    /** Reads the aggregator pom in {@code root}. */
    public static BuildModel read(Path root) {
        return new BuildModel(root, parse(root.resolve("pom.xml")));
    }

    /** The module directories the aggregator lists, in order. */
    public List<Path> modules() {
        return child(rootPom, "modules").map(m -> children(m, "module")).orElse(List.of()).stream()
                .map(e -> root.resolve(e.getTextContent().trim()))
                .toList();
    }

    /** The pattern sets of every test runner in the module's build. */
    public List<TestClassPatterns> runners(Path module) {
        Element pom = parse(module.resolve("pom.xml"));
        List<TestClassPatterns> runners = new ArrayList<>();
        runners.add(patterns(pom, SUREFIRE, TestClassPatterns.SUREFIRE_INCLUDES));
        if (declaresBuildPlugin(pom, FAILSAFE) || declaresBuildPlugin(rootPom, FAILSAFE)) {
            runners.add(patterns(pom, FAILSAFE, TestClassPatterns.FAILSAFE_INCLUDES));
        }
        return runners;
    }

    private TestClassPatterns patterns(Element modulePom, String plugin, List<String> defaultIncludes) {
        List<String> includes = configured(modulePom, plugin, "includes", "include")
                .or(() -> configured(rootPom, plugin, "includes", "include"))
                .orElse(defaultIncludes);
        List<String> excludes = configured(modulePom, plugin, "excludes", "exclude")
                .or(() -> configured(rootPom, plugin, "excludes", "exclude"))
                .orElse(TestClassPatterns.DEFAULT_EXCLUDES);
        return new TestClassPatterns(includes, excludes);
    }

    /* The plugin's configuration in <build><plugins> wins over <build><pluginManagement><plugins>. */
    private static Optional<List<String>> configured(Element pom, String plugin, String list, String item) {
        for (Element plugins : pluginLists(pom)) {
            for (Element p : children(plugins, "plugin")) {
                if (plugin.equals(text(p, "artifactId"))) {
                    Optional<List<String>> values = child(p, "configuration").flatMap(c -> child(c, list))
                            .map(l -> children(l, item).stream().map(e -> e.getTextContent().trim()).toList());
                    if (values.isPresent()) {
                        return values;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean declaresBuildPlugin(Element pom, String plugin) {
        return child(pom, "build").flatMap(b -> child(b, "plugins")).stream()
                .flatMap(ps -> children(ps, "plugin").stream())
                .anyMatch(p -> plugin.equals(text(p, "artifactId")));
    }

    private static List<Element> pluginLists(Element pom) {
        List<Element> lists = new ArrayList<>();
        child(pom, "build").ifPresent(build -> {
            child(build, "plugins").ifPresent(lists::add);
            child(build, "pluginManagement").flatMap(pm -> child(pm, "plugins")).ifPresent(lists::add);
        });
        return lists;
    }

    private static String text(Element parent, String name) {
        return child(parent, name).map(e -> e.getTextContent().trim()).orElse("");
    }

    private static Optional<Element> child(Element parent, String name) {
        return children(parent, name).stream().findFirst();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName() != null ? e.getLocalName() : e.getTagName())) {
                found.add(e);
            }
        }
        return found;
    }

    private static Element parse(Path pom) {
        if (!Files.isRegularFile(pom)) {
            throw new IllegalStateException(pom + " does not exist: is this the project's root directory?");
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = factory.newDocumentBuilder().parse(pom.toFile());
            return doc.getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("cannot read " + pom + ": " + e.getMessage(), e);
        }
    }
}
