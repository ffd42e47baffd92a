package dev.kaiyuan.output;

/**
 * How a folder of the site looked to a commit: which folder it is (device and inode) and when its
 * status last changed (nanoseconds since the epoch). The status change time moves whenever an entry
 * is added to the folder, removed from it or renamed in it (POSIX), and no tool sets it back. A
 * folder found again with the same stamp therefore holds the entries it held then, the check git's
 * index makes of files; a folder moved in from elsewhere, or restored from a snapshot or a backup,
 * has another inode or another change time.
 */
public record FolderStamp(long device, long inode, long changedNanos) {
}
