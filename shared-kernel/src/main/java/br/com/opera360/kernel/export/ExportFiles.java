package br.com.opera360.kernel.export;

import java.io.InputStream;
import java.util.Optional;

/** Where export files live, readable by every instance of the application (GridFS). */
public interface ExportFiles {
    /** The file's bytes, if it is (still) stored. The caller closes the stream. */
    Optional<InputStream> open(ExportId exportId);
}
