package br.com.opera360.web.invoice;

import org.springframework.http.MediaType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** What a {@code /pix} request asked for in its Accept header: the JSON (default), or the QR code as PNG or SVG. */
enum PixFormat {
    JSON(MediaType.APPLICATION_JSON), PNG(MediaType.IMAGE_PNG), SVG(MediaType.parseMediaType("image/svg+xml"));

    private final MediaType mediaType;

    PixFormat(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    MediaType mediaType() {
        return mediaType;
    }

    /** The first of ours the client prefers (quality first, then its order); JSON when it names none of them. */
    static PixFormat of(List<MediaType> accept) {
        List<MediaType> ordered = new ArrayList<>(accept);
        ordered.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType wanted : ordered) {
            if (wanted.getQualityValue() == 0) continue;
            if (wanted.isWildcardType() || wanted.isCompatibleWith(MediaType.APPLICATION_JSON)) return JSON;
            if (wanted.includes(PNG.mediaType)) return PNG; // image/* as well
            if (wanted.isCompatibleWith(SVG.mediaType)) return SVG;
        }
        return JSON;
    }
}
