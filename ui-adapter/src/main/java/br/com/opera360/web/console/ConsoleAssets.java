package br.com.opera360.web.console;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web console's files as the jar holds them: the content hash that versions their URLs (so they can be cached for
 * a year), the webjar versions the import map points at, the page that starts the console and the CSP that admits
 * exactly that page's import map (browsers take no import map from a file; an inline one needs its sha256).
 */
@Component
class ConsoleAssets {
    static final String LOCATION = "classpath:/console/";

    private final String version;
    private final String preactVersion;
    private final String leafletVersion;
    private final String indexHtml;
    private final String contentSecurityPolicy;

    ConsoleAssets() {
        var resolver = new PathMatchingResourcePatternResolver(getClass().getClassLoader());
        this.version = contentHash(resolver);
        this.preactVersion = webjarVersion(resolver, "preact", "dist/preact.module.js");
        this.leafletVersion = webjarVersion(resolver, "leaflet", "dist/leaflet-src.esm.js");
        String base = "/console/" + version + "/";
        String importMap = """
                {"imports":{"preact":"/webjars/preact/%1$s/dist/preact.module.js",\
                "preact/hooks":"/webjars/preact/%1$s/hooks/dist/hooks.module.js",\
                "htm":"%2$svendor/htm-3.1.1/htm.module.js",\
                "leaflet":"/webjars/leaflet/%3$s/dist/leaflet-src.esm.js"}}""".formatted(preactVersion, base, leafletVersion);
        this.indexHtml = read(resolver.getResource(LOCATION + "index.html"))
                .replace("{{importmap}}", importMap)
                .replace("{{base}}", base)
                .replace("{{leaflet}}", "/webjars/leaflet/" + leafletVersion + "/");
        this.contentSecurityPolicy = "default-src 'self'; script-src 'self' 'sha256-" + sha256Base64(importMap) + "'; "
                + "style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; "
                + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    String version() {
        return version;
    }

    String preactVersion() {
        return preactVersion;
    }

    String leafletVersion() {
        return leafletVersion;
    }

    String indexHtml() {
        return indexHtml;
    }

    String contentSecurityPolicy() {
        return contentSecurityPolicy;
    }

    private static String contentHash(PathMatchingResourcePatternResolver resolver) {
        try {
            Resource[] files = resolver.getResources(LOCATION + "**/*");
            Arrays.sort(files, Comparator.comparing(r -> String.valueOf(safeUrl(r))));
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Resource file : files) {
                if (!file.isReadable()) continue;
                String url = safeUrl(file);
                digest.update(url.substring(url.indexOf("/console/")).getBytes(StandardCharsets.UTF_8));
                try (var in = file.getInputStream()) {
                    digest.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String webjarVersion(PathMatchingResourcePatternResolver resolver, String name, String file) {
        try {
            // the URL of a webjar in the local Maven repository holds ".../org/webjars/npm/<name>/<version>/..." too
            Pattern version = Pattern.compile("META-INF/resources/webjars/" + Pattern.quote(name) + "/([^/]+)/");
            for (Resource r : resolver.getResources("classpath*:META-INF/resources/webjars/" + name + "/*/" + file)) {
                Matcher m = version.matcher(safeUrl(r));
                if (m.find()) return m.group(1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("webjar " + name + " is missing from the classpath");
    }

    private static String safeUrl(Resource r) {
        try {
            return r.getURL().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Resource r) {
        try (var in = r.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256Base64(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
