package dev.kaiyuan.output;

/**
 * How a written file looked on disk right after it was written: its size and modification time
 * (nanoseconds since the epoch). A later build may take the file as it is while both still hold,
 * the same quick check rsync and make rely on; copying a site with its times kept (tar, CI caches)
 * keeps both. A site in memory ({@link MemorySiteWriter}) puts the number of the put that made the
 * file in place of the time.
 */
public record FileStamp(long size, long modifiedNanos) {
    public FileStamp {
        if (size < 0) {
            throw new IllegalArgumentException("negative size: " + size);
        }
    }
}
