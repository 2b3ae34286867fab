#!/usr/bin/env python3
"""Load check of `svtk serve` (make benchmark): 2,000 connections at once under a 1,024 open-file limit, then a
SIGTERM while a client trickles a body. Passes when no request gets a 5xx other than 503, the server is still up
and answering afterwards, and it exits within 10 s of the signal. Standard library only.

usage: serve_overload.py SVTK [CONNECTIONS]
"""
import asyncio
import os
import re
import resource
import subprocess
import sys
import tempfile
import time

DEMO = sorted(f"Datasets/demo/{n}" for n in os.listdir("Datasets/demo") if n.endswith(".csv"))


def start(svtk, folder, file_limit):
    """Starts svtk serve on a free port under a file limit; returns the process and its port."""
    command = ["prlimit", f"--nofile={file_limit}:{file_limit}", svtk, "serve", "--quiet", "--port", "0",
               "--workspace", os.path.join(folder, "load.sqlite"), "--data", *DEMO]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    for line in process.stderr:
        found = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if found:
            return process, int(found.group(1))
    raise SystemExit(f"svtk serve did not start (exit {process.wait()})")


async def connect(port):
    """A connection to the server, or None when it was refused."""
    try:
        return await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), 60)
    except (OSError, asyncio.TimeoutError):
        return None


async def ask(connection, request):
    """The status of a request on an open connection; 'closed' when the server closed it unanswered."""
    if connection is None:
        return "refused"
    reader, writer = connection
    try:
        writer.write(request)
        await writer.drain()
        line = await asyncio.wait_for(reader.readline(), 60)
        return line.split()[1].decode() if line.startswith(b"HTTP/") else "closed"
    except (OSError, asyncio.TimeoutError):
        return "closed"


async def burst(port, connections):
    """Opens every connection first and holds them all open, then sends a request on each (keep-alive)."""
    request = f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode()
    opened = await asyncio.gather(*(connect(port) for _ in range(connections)))
    results = await asyncio.gather(*(ask(connection, request) for connection in opened))
    for connection in opened:
        if connection is not None:
            connection[1].close()
    counts = {}
    for status in results:
        counts[status] = counts.get(status, 0) + 1
    return counts


async def trickle(port, stop):
    """Posts a form from the workspace's own origin and sends its body one byte a second until `stop` is set or
    the server closes."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"POST /contracts HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nOrigin: http://127.0.0.1:{port}\r\n"
                 "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\n".encode())
    try:
        while not stop.is_set():
            writer.write(b"a")
            await writer.drain()
            await asyncio.sleep(1)
    except OSError:
        pass
    writer.close()


async def shutdown_time(process, port):
    stop = asyncio.Event()
    task = asyncio.create_task(trickle(port, stop))
    await asyncio.sleep(2)
    signalled = time.monotonic()
    process.terminate()
    while process.poll() is None and time.monotonic() - signalled < 30:
        await asyncio.sleep(0.1)
    stop.set()
    await task
    return time.monotonic() - signalled


def main():
    svtk = sys.argv[1]
    connections = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, min(hard, connections + 256)), hard))
    failures = []
    with tempfile.TemporaryDirectory() as folder:
        process, port = start(svtk, folder, 1024)
        counts = asyncio.run(burst(port, connections))
        after = asyncio.run(burst(port, 1))
        alive = process.poll() is None
        bad = {s: n for s, n in counts.items() if s.startswith("5") and s != "503"}
        print(f"serve load: {connections} connections at once under a 1,024-file limit: "
              + ", ".join(f"{n} {s}" for s, n in sorted(counts.items())) + f"; afterwards {after}, "
              + ("still up" if alive else f"exited {process.returncode}"))
        if bad or not alive or after != {"200": 1}:
            failures.append("the server failed under load")
        seconds = asyncio.run(shutdown_time(process, port))
        print(f"serve shutdown: SIGTERM with a body trickling at 1 byte/s: exited {process.returncode} "
              f"in {seconds:.1f} s")
        if process.returncode is None or seconds > 10:
            process.kill()
            failures.append("the server did not exit within 10 s")
    if failures:
        raise SystemExit("; ".join(failures))


if __name__ == "__main__":
    main()
