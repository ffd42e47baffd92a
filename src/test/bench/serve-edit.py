#!/usr/bin/env python3
"""Save → page rebuilt, as a reader of `kaiyuan serve` sees it, and what the server holds in memory.

Starts `java -jar JAR serve` (or, given the launcher `target/kaiyuan` instead of the jar, `kaiyuan serve`
with the launcher's JVM options) on PROJECT (a copy: its seeds are edited), waits for the first build,
loads the article's page a few times (it is open in the editor's browser), then edits it EDITS times the way editors save (write a temporary file, rename it over the
article) and measures the time from the rename to the first HTTP answer for that article's page that
carries the edit, polling every millisecond. Between edits it waits for the full rebuild's line.

    python3 src/test/bench/serve-edit.py target/kaiyuan.jar /dev/shm/serve [EDITS] [title|body]
    python3 src/test/bench/serve-edit.py target/kaiyuan /dev/shm/serve [EDITS] [title|body]

`body` (default) appends a sentence to the article; `title` changes its title, which changes the
listing pages too. Prints each edit's figure with the server's resident size after its full
rebuild (Linux's /proc), then min / median / max, the server's peak resident size, and its resident
size after IDLE seconds without a change. Saves come PAUSE seconds (0.5 unless the environment
variable says otherwise) after the last one's full rebuild.
"""
import http.client
import os
import re
import statistics
import subprocess
import sys
import threading
import time

IDLE = 15
# seconds between one edit's full rebuild and the next save; PAUSE=5 is an editor's pace, at which the
# collection serve asks for after 3 s quiet runs between saves
PAUSE = float(os.environ.get("PAUSE", "0.5"))


def main():
    jar, project = sys.argv[1], os.path.abspath(sys.argv[2])
    edits = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    kind = sys.argv[4] if len(sys.argv) > 4 else "body"
    port = 18000 + os.getpid() % 1000
    seeds = os.path.join(project, "seeds")
    name = sorted(f for f in os.listdir(seeds) if f.endswith(".md"))[len(os.listdir(seeds)) // 2]
    seed = os.path.join(seeds, name)
    original = open(seed, encoding="utf-8").read()
    slug = re.search(r"^slug:\s*\"?([^\"\n]+)", original, re.M)
    slug = slug.group(1).strip() if slug else name[:-3]
    path = "/articles/%s/" % slug

    lines = []
    cond = threading.Condition()
    # the launcher execs java, so the process started is the server either way
    command = ["java", "-jar", jar] if jar.endswith(".jar") else [jar]
    java = subprocess.Popen(command + ["serve", "--project", project, "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

    def read():
        for line in java.stdout:
            with cond:
                lines.append(line.rstrip("\n"))
                cond.notify_all()

    threading.Thread(target=read, daemon=True).start()

    def wait_for(pattern, after, timeout=600):
        deadline = time.time() + timeout
        with cond:
            while True:
                for line in lines[after:]:
                    if re.search(pattern, line):
                        return line
                left = deadline - time.time()
                if left <= 0:
                    raise SystemExit("timed out waiting for %r; output:\n%s" % (pattern, "\n".join(lines[-20:])))
                cond.wait(left)

    def resident(field):
        """the server's VmRSS or VmHWM (its peak), in MiB"""
        with open("/proc/%d/status" % java.pid) as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
        return float("nan")

    try:
        print("%s (resident: %.0f MiB)" % (wait_for(r"^Built ", 0), resident("VmRSS")))
        conn = http.client.HTTPConnection("127.0.0.1", port)
        for _ in range(5):  # the page is open in the editor's browser
            conn.request("GET", path)
            conn.getresponse().read()
        figures = []
        for i in range(edits):
            marker = "kaiyuan-edit-%d-%d" % (os.getpid(), i)
            if kind == "title":
                text = re.sub(r'^title: "?(.*?)"?$', lambda m: 'title: "%s %s"' % (m.group(1), marker), original,
                              count=1, flags=re.M)
            else:
                text = original + "\nEdited: %s.\n" % marker
            seen = len(lines)
            tmp = os.path.join(seeds, ".%s.tmp" % name)
            with open(tmp, "w", encoding="utf-8") as f:
                f.write(text)
            start = time.perf_counter()
            os.replace(tmp, seed)
            while True:
                if time.perf_counter() - start > 60:
                    raise SystemExit("the edit did not show within 60 s; output:\n" + "\n".join(lines[seen:]))
                conn.request("GET", path)
                body = conn.getresponse().read().decode("utf-8")
                if marker in body:
                    break
                time.sleep(0.001)
            ms = (time.perf_counter() - start) * 1000
            figures.append(ms)
            full = wait_for(r"^Rebuilt |^Build failed", seen)
            quick = [l for l in lines[seen:] if l.startswith("Refreshed ")]
            print("edit %d: page served with the edit after %.1f ms; %s; %s (resident: %.0f MiB)" % (
                i + 1, ms, quick[0] if quick else "no quick refresh", full, resident("VmRSS")))
            time.sleep(PAUSE)
        print("save -> page rebuilt (ms): min %.1f, median %.1f, max %.1f over %d %s edits" % (
            min(figures), statistics.median(figures), max(figures), len(figures), kind))
        print("server's peak resident size: %.0f MiB" % resident("VmHWM"))
        time.sleep(IDLE)  # the editor reads what they wrote
        print("server's resident size after %d s idle: %.0f MiB" % (IDLE, resident("VmRSS")))
    finally:
        with open(seed, "w", encoding="utf-8") as f:
            f.write(original)
        java.terminate()
        java.wait(30)


if __name__ == "__main__":
    main()
