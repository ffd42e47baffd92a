package dev.kaiyuan.build;

import dev.kaiyuan.model.Blob;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A compact binary form of record graphs (the model, the build cache, view records): strings,
 * numbers, enums, dates, {@code Optional}s, lists, sets, maps and nested records, each value tagged
 * with its type. Records are rebuilt through their canonical constructors, so they validate and copy
 * as usual; a record met twice is written once and referred back to, so shared articles stay shared.
 * Java serialization cannot do this job: the model's {@code Optional} fields are not serializable.
 *
 * <p>The form has no schema: it is only read back by the same code that wrote it, which the
 * persisted cache ensures by its code fingerprint. Equal encodings decode to equal values, so a hash
 * of an encoding is a safe key for the value. One writer or reader per stream; not thread-safe.
 */
final class RecordCodec {
    private static final byte NULL = 0;
    private static final byte STRING = 1;
    private static final byte INT = 2;
    private static final byte LONG = 3;
    private static final byte TRUE = 4;
    private static final byte FALSE = 5;
    private static final byte DOUBLE = 6;
    private static final byte BYTES = 7;
    private static final byte ENUM = 8;
    private static final byte DATE = 9;
    private static final byte EMPTY = 10;
    private static final byte PRESENT = 11;
    private static final byte LIST = 12;
    private static final byte SET = 13;
    private static final byte MAP = 14;
    private static final byte RECORD = 15;
    private static final byte BACK = 16;
    private static final byte ZONE = 17;
    private static final byte NEW_CLASS = 18;
    private static final byte LOCALE = 19;
    private static final byte SHARED_STRING = 20;
    private static final byte ENCODED = 21;
    private static final byte BLOB = 22;
    /** Strings at least this long are written once per stream by a writer that shares them. */
    private static final int SHARED_LENGTH = 256;
    /** Strings at least this long with characters beyond Latin-1 are stored as UTF-16 units. */
    private static final int WIDE_LENGTH = 64;

    /** The accessors and canonical constructor of a record class, looked up once. */
    private record Shape(Method[] accessors, Constructor<?> constructor) {
        static Shape of(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Method[] accessors = new Method[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                accessors[i] = components[i].getAccessor();
                accessors[i].setAccessible(true);
                types[i] = components[i].getType();
            }
            try {
                Constructor<?> constructor = type.getDeclaredConstructor(types);
                constructor.setAccessible(true);
                return new Shape(accessors, constructor);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("a record always has a canonical constructor: " + type, e);
            }
        }
    }

    private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

    private static Shape shape(Class<?> type) {
        return SHAPES.computeIfAbsent(type, Shape::of);
    }

    /** Writes values to one stream. */
    static final class Writer {
        private final CodecOutput out;
        private final boolean shareStrings;
        private final Map<Class<?>, Integer> classes = new LinkedHashMap<>();
        private final Map<Object, Integer> seen = new IdentityHashMap<>();
        private final Function<Record, byte[]> encoded;

        /** A writer whose encoding of equal values does not depend on which strings they share: for hashing. */
        Writer(CodecOutput out) {
            this(out, false);
        }

        /**
         * A writer for hashing that writes, for a record {@code encoded} knows, the bytes it gives
         * (the record's own encoding, or a 128-bit hash of it, made once) instead of
         * encoding the record again. What it writes cannot be read back.
         *
         * @param encoded a record's standalone encoding or its digest, or null for a record to encode here
         */
        Writer(CodecOutput out, Function<Record, byte[]> encoded) {
            this(out, false, encoded);
        }

        /**
         * @param shareStrings write a long string met again (the same instance: an article's body
         *                     held by its read and by its enrichment) as a reference back, as records are
         */
        Writer(CodecOutput out, boolean shareStrings) {
            this(out, shareStrings, r -> null);
        }

        private Writer(CodecOutput out, boolean shareStrings, Function<Record, byte[]> encoded) {
            this.out = out;
            this.shareStrings = shareStrings;
            this.encoded = encoded;
        }

        void write(Object value) throws IOException {
            if (value == null) {
                out.writeByte(NULL);
            } else if (value instanceof String s) {
                if (shareStrings && s.length() >= SHARED_LENGTH) {
                    sharedString(s);
                } else {
                    out.writeByte(STRING);
                    string(s);
                }
            } else if (value instanceof Integer i) {
                out.writeByte(INT);
                out.writeInt(i);
            } else if (value instanceof Long l) {
                out.writeByte(LONG);
                out.writeLong(l);
            } else if (value instanceof Boolean b) {
                out.writeByte(b ? TRUE : FALSE);
            } else if (value instanceof Double d) {
                out.writeByte(DOUBLE);
                out.writeLong(Double.doubleToLongBits(d));
            } else if (value instanceof byte[] bytes) {
                out.writeByte(BYTES);
                out.writeInt(bytes.length);
                out.write(bytes);
            } else if (value instanceof Blob blob) {
                out.writeByte(BLOB);
                out.writeInt(blob.length());
                out.write(blob.bytes());
            } else if (value instanceof Enum<?> e) {
                out.writeByte(ENUM);
                type(e.getDeclaringClass());
                string(e.name());
            } else if (value instanceof LocalDate d) {
                out.writeByte(DATE);
                out.writeLong(d.toEpochDay());
            } else if (value instanceof ZoneId z) {
                out.writeByte(ZONE);
                string(z.getId());
            } else if (value instanceof Locale l) {
                out.writeByte(LOCALE);
                string(l.toLanguageTag());
            } else if (value instanceof Optional<?> o) {
                out.writeByte(o.isPresent() ? PRESENT : EMPTY);
                if (o.isPresent()) {
                    write(o.get());
                }
            } else if (value instanceof List<?> list) {
                out.writeByte(LIST);
                elements(list);
            } else if (value instanceof Set<?> set) {
                out.writeByte(SET);
                elements(set);
            } else if (value instanceof Map<?, ?> map) {
                out.writeByte(MAP);
                out.writeInt(map.size());
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    write(e.getKey());
                    write(e.getValue());
                }
            } else if (value instanceof Record r) {
                record(r);
            } else {
                throw new IllegalArgumentException("cannot store a " + value.getClass().getName());
            }
        }

        /** Writes a reference back when this very instance was written before; else numbers it. */
        private boolean writtenBefore(Object value) throws IOException {
            Integer back = seen.get(value);
            if (back != null) {
                out.writeByte(BACK);
                out.writeInt(back);
                return true;
            }
            seen.put(value, seen.size());
            return false;
        }

        private void record(Record r) throws IOException {
            byte[] known = encoded.apply(r);
            if (known != null) {
                // self-delimiting, and the bytes stand for the record's encoding: equal records
                // still write alike and different ones differently
                out.writeByte(ENCODED);
                out.writeInt(known.length);
                out.write(known);
                return;
            }
            if (writtenBefore(r)) {
                return;
            }
            out.writeByte(RECORD);
            type(r.getClass());
            for (Method accessor : shape(r.getClass()).accessors()) {
                try {
                    write(accessor.invoke(r));
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("cannot read " + accessor, e);
                }
            }
        }

        private void sharedString(String s) throws IOException {
            if (writtenBefore(s)) {
                return;
            }
            out.writeByte(SHARED_STRING);
            string(s);
        }

        private void elements(java.util.Collection<?> values) throws IOException {
            out.writeInt(values.size());
            for (Object v : values) {
                write(v);
            }
        }

        private void type(Class<?> type) throws IOException {
            Integer known = classes.get(type);
            if (known != null) {
                out.writeInt(known);
            } else {
                classes.put(type, classes.size());
                out.writeInt(-1);
                string(type.getName());
            }
        }

        /**
         * UTF-8 (its byte count, then the bytes), except a long string with characters beyond
         * Latin-1 (Chinese text): its UTF-16 units as they are (minus one minus their count, then
         * the units), which is a copy instead of a conversion each way and smaller for CJK text.
         */
        private void string(String s) throws IOException {
            int n = s.length();
            if (n >= WIDE_LENGTH && beyondLatin1(s)) {
                out.writeInt(-1 - n);
                out.writeChars(s);
                return;
            }
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            out.writeInt(bytes.length);
            out.write(bytes);
        }

        private static boolean beyondLatin1(String s) {
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) > 0xFF) {
                    return true;
                }
            }
            return false;
        }
    }

    /** How a reader makes the {@link Blob}s it meets. */
    interface Blobs {
        /** Reads the next {@code length} bytes as a blob, or passes over them and leaves them where they are. */
        Blob read(CodecInput in, int length) throws IOException;

        /** Every blob read into memory. */
        Blobs IN_MEMORY = (in, length) -> Blob.owning(in.readBytes(length));
    }

    /** Reads back what a {@link Writer} wrote; any mismatch is an {@link IOException}. */
    static final class Reader {
        private final CodecInput in;
        private final Blobs blobs;
        private final List<Class<?>> classes = new ArrayList<>();
        private final List<Object> seen = new ArrayList<>();

        Reader(CodecInput in) {
            this(in, Blobs.IN_MEMORY);
        }

        Reader(CodecInput in, Blobs blobs) {
            this.in = in;
            this.blobs = blobs;
        }

        <T> T read(Class<T> type) throws IOException {
            Object value = read();
            if (!type.isInstance(value)) {
                throw new IOException("expected a " + type.getName());
            }
            return type.cast(value);
        }

        Object read() throws IOException {
            byte tag = in.readByte();
            return switch (tag) {
                case NULL -> null;
                case STRING -> string();
                case SHARED_STRING -> {
                    String shared = string();
                    seen.add(shared);
                    yield shared;
                }
                case INT -> in.readInt();
                case LONG -> in.readLong();
                case TRUE -> true;
                case FALSE -> false;
                case DOUBLE -> Double.longBitsToDouble(in.readLong());
                case BYTES -> in.readBytes(size());
                case BLOB -> blobs.read(in, size());
                case ENUM -> enumValue();
                case DATE -> LocalDate.ofEpochDay(in.readLong());
                case ZONE -> ZoneId.of(string());
                case LOCALE -> Locale.forLanguageTag(string());
                case EMPTY -> Optional.empty();
                case PRESENT -> Optional.of(read());
                case LIST -> {
                    int n = size();
                    List<Object> list = new ArrayList<>(Math.min(n, 1 << 16));
                    for (int i = 0; i < n; i++) {
                        list.add(read());
                    }
                    yield list;
                }
                case SET -> {
                    int n = size();
                    Set<Object> set = new LinkedHashSet<>();
                    for (int i = 0; i < n; i++) {
                        set.add(read());
                    }
                    yield set;
                }
                case MAP -> {
                    int n = size();
                    Map<Object, Object> map = new LinkedHashMap<>();
                    for (int i = 0; i < n; i++) {
                        map.put(read(), read());
                    }
                    yield map;
                }
                case RECORD -> record();
                case BACK -> {
                    int i = in.readInt();
                    if (i < 0 || i >= seen.size() || seen.get(i) == null) {
                        throw new IOException("bad back reference " + i);
                    }
                    yield seen.get(i);
                }
                default -> throw new IOException("bad tag " + tag);
            };
        }

        private Object record() throws IOException {
            Class<?> type = type();
            if (!type.isRecord()) {
                throw new IOException("not a record: " + type.getName());
            }
            int slot = seen.size();
            seen.add(null);
            Shape shape = shape(type);
            Object[] args = new Object[shape.accessors().length];
            for (int i = 0; i < args.length; i++) {
                args[i] = read();
            }
            try {
                Object value = shape.constructor().newInstance(args);
                seen.set(slot, value);
                return value;
            } catch (InstantiationException | IllegalAccessException | InvocationTargetException
                    | IllegalArgumentException e) {
                throw new IOException("cannot rebuild a " + type.getName(), e);
            }
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private Object enumValue() throws IOException {
            Class<?> type = type();
            if (!type.isEnum()) {
                throw new IOException("not an enum: " + type.getName());
            }
            try {
                return Enum.valueOf((Class) type, string());
            } catch (IllegalArgumentException e) {
                throw new IOException(e);
            }
        }

        private Class<?> type() throws IOException {
            int known = in.readInt();
            if (known >= 0) {
                if (known >= classes.size()) {
                    throw new IOException("bad class reference " + known);
                }
                return classes.get(known);
            }
            String name = string();
            if (!name.startsWith("dev.kaiyuan.")) {
                throw new IOException("refusing to make a " + name);
            }
            try {
                Class<?> type = Class.forName(name, false, RecordCodec.class.getClassLoader());
                classes.add(type);
                return type;
            } catch (ClassNotFoundException e) {
                throw new IOException("unknown class " + name, e);
            }
        }

        private int size() throws IOException {
            int n = in.readInt();
            if (n < 0) {
                throw new IOException("negative size");
            }
            return n;
        }

        private String string() throws IOException {
            int size = in.readInt();
            return size >= 0 ? in.readUtf8(size) : in.readChars(-1 - size);
        }
    }

    private RecordCodec() {
    }
}
