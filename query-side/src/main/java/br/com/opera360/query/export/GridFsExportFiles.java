package br.com.opera360.query.export;

import br.com.opera360.kernel.export.ExportFiles;
import br.com.opera360.kernel.export.ExportId;
import com.mongodb.MongoGridFSException;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.GridFSUploadStream;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import org.bson.BsonString;
import org.bson.Document;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Component;

import java.io.InputStream;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;

/**
 * Export files in GridFS (bucket {@value #BUCKET}), in the same MongoDB as the read models: every instance can
 * serve every file, in both runtime modes. The file's id is the export id.
 */
@Component
class GridFsExportFiles implements ExportFiles {
    static final String BUCKET = "exports";
    private final GridFSBucket bucket;
    private final MongoDatabaseFactory databases;

    GridFsExportFiles(MongoDatabaseFactory databases) {
        this.databases = databases;
        this.bucket = GridFSBuckets.create(databases.getMongoDatabase(), BUCKET).withChunkSizeBytes(255 * 1024);
    }

    @Override
    public Optional<InputStream> open(ExportId exportId) {
        try {
            return Optional.of(bucket.openDownloadStream(new BsonString(exportId.value())));
        } catch (MongoGridFSException noSuchFile) {
            return Optional.empty();
        }
    }

    /** A new upload; {@code abort()} it on failure so that no partial file stays. */
    GridFSUploadStream create(ExportId exportId, String fileName, String mediaType, String accountId) {
        delete(exportId); // a run interrupted by a crash may have left chunks behind
        var options = new GridFSUploadOptions().metadata(new Document("contentType", mediaType).append("accountId", accountId));
        return bucket.openUploadStream(new BsonString(exportId.value()), fileName, options);
    }

    void delete(ExportId exportId) {
        var id = new BsonString(exportId.value());
        try {
            bucket.delete(id);
        } catch (MongoGridFSException noSuchFile) {
            // chunks without a files document (an upload cut off by a crash) are removed below
        }
        databases.getMongoDatabase().getCollection(BUCKET + ".chunks").deleteMany(eq("files_id", id));
    }

    boolean exists(ExportId exportId) {
        return bucket.find(eq("_id", new BsonString(exportId.value()))).first() != null;
    }
}
