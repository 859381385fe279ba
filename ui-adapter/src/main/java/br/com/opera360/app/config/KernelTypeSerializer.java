package br.com.opera360.app.config;

import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

import java.util.Map;

/**
 * Jackson serializer that stores kernel messages under their simple name ({@code AccountRegistered}, revision
 * {@code 1}) instead of the Java class name: the event store and the audit API show domain names, and a class can
 * move between packages without an upcaster. Other types (tokens, metadata) keep Axon's default naming.
 */
final class KernelTypeSerializer extends JacksonSerializer {
    private final Map<String, Class<?>> kernelTypes;

    KernelTypeSerializer(Builder builder, Map<String, Class<?>> kernelTypes) {
        super(builder);
        this.kernelTypes = Map.copyOf(kernelTypes);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        if (type != null && kernelTypes.get(type.getSimpleName()) == type) {
            return new SimpleSerializedType(type.getSimpleName(), getRevisionResolver().revisionOf(type));
        }
        return super.typeForClass(type);
    }

    @Override
    public Class classForType(SerializedType type) {
        Class<?> kernel = kernelTypes.get(type.getName());
        return kernel != null ? kernel : super.classForType(type);
    }
}
