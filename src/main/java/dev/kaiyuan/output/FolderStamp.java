package dev.kaiyuan.output;

/**
 * How a folder of the site looked to a commit: which folder it is (device and inode) and when its
 * status last changed (nanoseconds since the epoch). The status change time moves whenever an entry
 * is added to the folder, removed from it or renamed in it (POSIX), and no tool sets it back. A
 * folder found with the same stamp therefore holds the entries it held when it had that stamp, the
 * check git's index makes of files: a folder moved in from elsewhere, or a copy, has another inode
 * or another change time, and a folder restored from a snapshot has the stamp, and the entries, it
 * had when the snapshot was taken.
 */
public record FolderStamp(long device, long inode, long changedNanos) {
}
