"""Load test: N concurrent judges each saving a finding and fetching the refreshed HTML preview.

    .venv/bin/python benchmarks/load_preview.py [--clients 20] [--requests 50] [--workers 2] [--think 0]

Starts its own `yaosu serve` on a free loopback port with a temporary SQLite file (or --db URL),
creates one case per client from the sample pleadings, then every client runs `--requests`
rounds of: PATCH a finding on its case → GET the HTML preview of the version just saved.
The figure is the time of that round trip (save + refreshed preview) as a client sees it;
p50/p95/p99 are over all rounds after a warm-up. Bounded: it stops by itself and stops the
server it started. Clients are asyncio tasks in one process, so the load generator shares the
machine's cores with the server, as it would on a judge's own machine.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "service"))

from service_procs import SAMPLE, Server  # noqa: E402

AMOUNTS = ["95000.00", "100000.00", "90000.00", "98000.00"]


class Connection:
    """A bare keep-alive HTTP/1.1 connection for the measured requests.

    httpx costs the load generator ~1 ms of CPU per request; on a 2-core machine shared with
    the server that alone capped the benchmark at ~160 trivial rounds/s. Requests and responses
    here are plain (Content-Length bodies, no chunking), which is all this server sends.
    """

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(self, method: str, path: str, body: bytes = b"") -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        head = f"{method} {path} HTTP/1.1\r\nHost: {self.host}\r\nContent-Length: {len(body)}\r\n"
        if body:
            head += "Content-Type: application/json\r\n"
        self.writer.write(head.encode() + b"\r\n" + body)
        assert self.reader is not None
        header = await self.reader.readuntil(b"\r\n\r\n")
        lines = header.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        length = 0
        for line in lines[1:]:
            name, _, value = line.partition(":")
            if name.strip().lower() == "content-length":
                length = int(value)
        return status, await self.reader.readexactly(length)

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


def server_cpu_seconds(group: int) -> float:
    """CPU time (user + system) so far of every process in the server's process group (Linux /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process ended
        if int(fields[2]) == group:  # fields after "(comm)": state, ppid, pgrp, ... utime (11), stime (12)
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))
    return ordered[index]


async def make_case(client: httpx.AsyncClient) -> tuple[str, int]:
    files = {
        "complaint": ("complaint.txt", (SAMPLE / "complaint.txt").read_bytes(), "text/plain"),
        "answer": ("answer.txt", (SAMPLE / "answer.txt").read_bytes(), "text/plain"),
    }
    response = await client.post(
        "/api/cases", files=files, data={"case_type": "private_lending", "court": "qingpu", "allow_duplicate": "true"}
    )
    response.raise_for_status()
    view = response.json()
    return view["id"], view["version"]


async def judge(
    base: str, case_id: str, version: int, rounds: int, think: float, start: asyncio.Event
) -> tuple[list[float], list[float], list[float], int]:
    pair, saves, previews, errors = [], [], [], 0
    url = httpx.URL(base)
    connection = Connection(url.host, url.port or 80)
    await start.wait()
    for n in range(rounds):
        body = {"version": version, "findings": {"delivered_amount": AMOUNTS[n % len(AMOUNTS)]}}
        began = time.perf_counter()
        status, data = await connection.request("PATCH", f"/api/cases/{case_id}", json.dumps(body).encode())
        saved = time.perf_counter()
        if status != 200:
            errors += 1
            version = json.loads((await connection.request("GET", f"/api/cases/{case_id}"))[1])["version"]
            continue
        version = json.loads(data)["version"]
        status, _ = await connection.request(
            "GET", f"/api/cases/{case_id}/draft?court=qingpu&format=html&version={version}"
        )
        done = time.perf_counter()
        if status != 200:
            errors += 1
            continue
        pair.append(done - began)
        saves.append(saved - began)
        previews.append(done - saved)
        if think:
            await asyncio.sleep(think)
    await connection.close()
    return pair, saves, previews, errors


async def run(
    base: str, clients: int, rounds: int, warmup: int, think: float, group: int | None = None
) -> dict[str, object]:
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:
        cases = [await make_case(client) for _ in range(clients)]
        # warm-up: templates, caches and connections
        warm = asyncio.Event()
        warm.set()
        await asyncio.gather(*(judge(base, cid, v, warmup, 0, warm) for cid, v in cases))
        cases = [(cid, (await client.get(f"/api/cases/{cid}")).json()["version"]) for cid, _ in cases]
        start = asyncio.Event()
        tasks = [asyncio.create_task(judge(base, cid, v, rounds, think, start)) for cid, v in cases]
        cpu_before = server_cpu_seconds(group) if group else 0.0
        began = time.perf_counter()
        start.set()
        results = await asyncio.gather(*tasks)
        elapsed = time.perf_counter() - began
        server_cpu = server_cpu_seconds(group) - cpu_before if group else 0.0
    pair = [x for r in results for x in r[0]]
    saves = [x for r in results for x in r[1]]
    previews = [x for r in results for x in r[2]]
    errors = sum(r[3] for r in results)

    def ms(values: list[float]) -> dict[str, float]:
        return {
            "p50": round(statistics.median(values) * 1000, 1),
            "p95": round(percentile(values, 0.95) * 1000, 1),
            "p99": round(percentile(values, 0.99) * 1000, 1),
            "max": round(max(values) * 1000, 1),
        }

    return {
        "clients": clients,
        "rounds_per_client": rounds,
        "think_s": think,
        "rounds": len(pair),
        "errors": errors,
        "rounds_per_s": round(len(pair) / elapsed, 1),
        # The server's own CPU per round (all its processes): unlike the latencies, this hardly
        # moves when other work shares the machine, so it is the figure to compare changes by.
        "server_cpu_ms_per_round": round(server_cpu / max(1, len(pair)) * 1000, 2) if group else None,
        "save_and_preview_ms": ms(pair),
        "save_ms": ms(saves),
        "preview_ms": ms(previews),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=50, help="rounds (save + preview) per client")
    parser.add_argument("--warmup", type=int, default=5, help="rounds per client before measuring")
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        help="server worker processes (2 uses both cores, with SQLite too: a save holds the write lock ~0.2 ms)",
    )
    parser.add_argument("--think", type=float, default=0.0, help="seconds a client waits between rounds")
    parser.add_argument("--db", default=None, help="database URL (default: a temporary SQLite file)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="yaosu-bench-") as folder:
        db = args.db or f"sqlite:///{Path(folder) / 'bench.db'}"
        server = Server(db, user="压测", workers=args.workers)
        try:
            time.sleep(3 if args.workers > 1 else 0.5)  # let every worker finish its warm-up import
            group = server.process.pid if Path("/proc/self/stat").exists() else None
            result = asyncio.run(
                run(server.base, args.clients, args.requests, args.warmup, args.think, group)
            )
        finally:
            server.stop()
    result.update({"workers": args.workers, "db": "sqlite" if db.startswith("sqlite") else "postgresql"})
    result["cpus"] = os.cpu_count()
    pair = result["save_and_preview_ms"]
    print(
        f"{args.clients} clients × {args.requests} rounds, {args.workers} worker(s): "
        f"save + refreshed preview p50 {pair['p50']} ms, p95 {pair['p95']} ms "  # type: ignore[index]
        f"({result['rounds_per_s']} rounds/s, {result['errors']} errors, "
        f"server CPU {result['server_cpu_ms_per_round']} ms/round)"
    )
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
