#!/usr/bin/env python3
"""Live-delivery load client of bench/messaging.sh (asyncio + aiohttp, one process).

1. Signs every user in once (POST /api/v1/auth/login, a few at a time, alternating between
   the two instances: an access token is valid on both).
2. Opens one Server-Sent Events stream (GET /api/v1/events) per user on instance B, waits for
   all of them, lets them sit idle, and reads both servers' VmRSS from /proc.
3. Notes each user's last event id in the database, then posts messages as the sender through
   instance A, open loop at a fixed rate, each to one "Delivery bench" thread (1-3 recipients,
   all connected to B). A message's latency, for each recipient, runs from just before its
   POST to the arrival of its `message` event on that recipient's stream (same process, same
   monotonic clock).
4. After a drain, compares what every stream received with the database's event log: each
   event id after the noted one exactly once (no duplicate, none missing, none unknown), and
   each message's `message` event exactly once at each of its recipients.

Prints progress on stderr and writes every figure as JSON (--out).
"""

import argparse
import asyncio
import json
import random
import shlex
import subprocess
import sys
import time

import aiohttp

T = time.perf_counter  # CLOCK_MONOTONIC: one clock for posts and arrivals


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def proc_status(pid):
    out = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            k, _, v = line.partition(":")
            if k in ("VmRSS", "VmHWM", "Threads"):
                out[k] = int(v.split()[0])
    return out


def pct(values, p):
    """Nearest-rank percentile."""
    if not values:
        return None
    s = sorted(values)
    k = max(0, min(len(s) - 1, int(-(-p * len(s) // 100)) - 1))
    return s[k]


def summary_ms(values):
    return {
        "n": len(values),
        "p50": pct(values, 50),
        "p95": pct(values, 95),
        "p99": pct(values, 99),
        "max": max(values) if values else None,
        "mean": (sum(values) / len(values)) if values else None,
    }


class Psql:
    def __init__(self, cmd):
        self.cmd = shlex.split(cmd)

    def rows(self, sql):
        out = subprocess.run(
            self.cmd + ["-At", "-F", "\t", "-c", sql], check=True, capture_output=True, text=True
        ).stdout
        return [line.split("\t") for line in out.splitlines() if line]


async def login(session, base, username, password, sem):
    async with sem:
        for attempt in range(20):
            async with session.post(
                f"{base}/api/v1/auth/login", json={"username": username, "password": password}
            ) as resp:
                if resp.status == 200:
                    return (await resp.json())["access_token"]
                text = await resp.text()
                if resp.status in (429, 503) or resp.status >= 500:
                    wait = float(resp.headers.get("Retry-After", "1"))
                    log(f"sign-in of {username}: {resp.status}, retrying in {wait} s")
                    await asyncio.sleep(min(wait, 30))
                    continue
                raise RuntimeError(f"sign-in of {username} failed: {resp.status} {text[:200]}")
        raise RuntimeError(f"sign-in of {username}: too many retries")


class Stream:
    """One user's event stream, reconnecting with Last-Event-ID if it ever ends."""

    def __init__(self, bench, username, token):
        self.bench = bench
        self.username = username
        self.token = token
        self.events = []  # (id, kind, data, arrival)
        self.last_id = None
        self.connected = asyncio.Event()
        self.connects = 0
        self.ends = []  # (time, why)
        self.stopping = False

    async def run(self, session, url):
        while not self.stopping:
            headers = {"Authorization": f"Bearer {self.token}", "Accept": "text/event-stream"}
            if self.last_id is not None:
                headers["Last-Event-ID"] = str(self.last_id)
            why = "closed by the server"
            try:
                async with session.get(url, headers=headers) as resp:
                    if resp.status != 200:
                        why = f"HTTP {resp.status}: {(await resp.text())[:200]}"
                    else:
                        self.connects += 1
                        await self.read(resp)
            except asyncio.CancelledError:
                raise
            except Exception as e:  # noqa: BLE001 - every failure is reported
                why = f"{type(e).__name__}: {e}"
            if self.stopping:
                return
            self.ends.append((T(), why))
            if len(self.ends) > 20:
                return
            await asyncio.sleep(1)

    async def read(self, resp):
        ev_id, kind, data = None, None, []
        async for raw in resp.content:
            line = raw.decode("utf-8").rstrip("\r\n")
            if line == "":
                if data:
                    self.dispatch(ev_id, kind or "message", "\n".join(data))
                ev_id, kind, data = None, None, []
                continue
            if line.startswith(":"):
                if "connected" in line:
                    self.connected.set()
                continue
            field, _, value = line.partition(":")
            if value.startswith(" "):
                value = value[1:]
            if field == "id":
                ev_id = value
            elif field == "event":
                kind = value
            elif field == "data":
                data.append(value)

    def dispatch(self, ev_id, kind, text):
        now = T()
        i = int(ev_id) if ev_id is not None else None
        d = json.loads(text)
        self.events.append((i, kind, d, now))
        if i is not None:
            self.last_id = i
        if kind == "message":
            self.bench.arrived(self.username, d.get("message_id"), now)


class Bench:
    def __init__(self, args):
        self.args = args
        self.psql = Psql(args.psql)
        self.arrivals = {}  # message_id -> [(username, time)]
        self.expected_arrivals = 0
        self.got_arrivals = 0
        self.drained = asyncio.Event()
        self.lags = []

    def arrived(self, username, message_id, now):
        self.arrivals.setdefault(message_id, []).append((username, now))
        self.got_arrivals += 1

    async def lag_monitor(self, stop):
        step = 0.01
        while not stop.is_set():
            t = T()
            await asyncio.sleep(step)
            self.lags.append((T() - t - step) * 1000)

    async def run(self):
        a = self.args
        users = [u.strip() for u in open(a.users) if u.strip()]
        ids = dict(self.psql.rows(
            "SELECT username, id FROM users WHERE username LIKE 'bench.u%' OR username = 'bench.sender'"))
        threads = {}
        for tid, username in self.psql.rows(
            "SELECT t.id, u.username FROM message_threads t "
            "JOIN thread_participants p ON p.thread_id = t.id JOIN users u ON u.id = p.user_id "
            "WHERE t.subject LIKE 'Delivery bench %' AND t.created_by = "
            "(SELECT id FROM users WHERE username = 'bench.sender') AND u.username <> 'bench.sender'"
        ):
            threads.setdefault(tid, []).append(username)
        wanted = set(users)
        threads = {t: r for t, r in threads.items() if set(r) <= wanted}
        assert threads, "no delivery thread found"
        log(f"{len(users)} users, {len(threads)} delivery threads "
            f"({sum(len(r) for r in threads.values()) / len(threads):.2f} recipients each on average)")
        result = {"users": len(users), "threads": len(threads), "rate": a.rate, "duration": a.duration}

        stop_lag = asyncio.Event()
        lag_task = asyncio.create_task(self.lag_monitor(stop_lag))
        timeout = aiohttp.ClientTimeout(total=None, sock_connect=30, sock_read=None)
        sse = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0), timeout=timeout)
        api = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=64),
                                    timeout=aiohttp.ClientTimeout(total=60))
        streams = []
        tasks = []
        try:
            # 1. Sign-ins.
            sem = asyncio.Semaphore(a.login_concurrency)
            t_login = T()
            wall_login = time.time()
            bases = [a.a, a.b]
            sender_token = await login(api, a.a, "bench.sender", a.password, sem)
            tokens = await asyncio.gather(*[
                login(api, bases[i % 2], u, a.password, sem) for i, u in enumerate(users)])
            result["login_seconds"] = T() - t_login
            result["login_per_second"] = len(users) / result["login_seconds"]
            log(f"signed in {len(users)} users in {result['login_seconds']:.1f} s "
                f"({result['login_per_second']:.1f}/s)")

            # 2. The streams, all on B.
            result["rss_before_kb"] = {"a": proc_status(a.pid_a), "b": proc_status(a.pid_b)}
            url = f"{a.b}/api/v1/events"
            csem = asyncio.Semaphore(100)
            t_conn = T()

            async def open_stream(s):
                async with csem:
                    tasks.append(asyncio.create_task(s.run(sse, url)))
                    await asyncio.wait_for(s.connected.wait(), 60)

            streams = [Stream(self, u, tok) for u, tok in zip(users, tokens)]
            await asyncio.gather(*[open_stream(s) for s in streams])
            result["connect_seconds"] = T() - t_conn
            log(f"{len(streams)} streams open on B in {result['connect_seconds']:.1f} s; idle {a.idle} s")
            await asyncio.sleep(a.idle)
            result["rss_idle_kb"] = {"a": proc_status(a.pid_a), "b": proc_status(a.pid_b)}
            result["streams_open_idle"] = sum(1 for s in streams if s.connects >= 1 and not s.ends)
            log(f"RSS with {result['streams_open_idle']} idle streams: "
                f"A {result['rss_idle_kb']['a']['VmRSS'] / 1024:.1f} MB, "
                f"B {result['rss_idle_kb']['b']['VmRSS'] / 1024:.1f} MB")

            # Token lifetime: everything below must end before the first token expires.
            left = a.token_ttl - (time.time() - wall_login)
            need = a.duration + a.drain + 30
            if need > left:
                raise RuntimeError(f"the access tokens expire in {left:.0f} s, the run needs {need} s")

            # 3. Where each user's log stands, then the posts.
            start_ids = {u: 0 for u in users}
            by_id = {ids[u]: u for u in users}
            for uid, last in self.psql.rows("SELECT user_id, last_id FROM event_sequences"):
                if uid in by_id:
                    start_ids[by_id[uid]] = int(last)
            pre = {s.username: len(s.events) for s in streams}

            rng = random.Random(a.seed)
            tids = sorted(threads)
            run_tag = f"{int(time.time())}"
            sends = []
            n = int(a.rate * a.duration)

            async def send(i, tid):
                body = f"Delivery bench run {run_tag}, message {i}: please confirm arrival"
                rec = {"i": i, "thread": tid, "body": body}
                rec["t0"] = T()
                try:
                    async with api.post(f"{a.a}/api/v1/threads/{tid}/messages", json={"body": body},
                                        headers={"Authorization": f"Bearer {sender_token}"}) as resp:
                        rec["status"] = resp.status
                        payload = await resp.json() if resp.status == 201 else await resp.text()
                    rec["t1"] = T()
                    if rec["status"] == 201:
                        rec["message_id"] = next(m["id"] for m in reversed(payload["messages"])
                                                 if m["body"] == body and m["sender_id"] == ids["bench.sender"])
                        self.expected_arrivals += len(threads[tid])
                    else:
                        rec["error"] = str(payload)[:300]
                except Exception as e:  # noqa: BLE001
                    rec["t1"] = T()
                    rec["status"] = None
                    rec["error"] = f"{type(e).__name__}: {e}"
                sends.append(rec)

            log(f"posting {n} messages through A, {a.rate}/s for {a.duration} s…")
            post_tasks = []
            t_send = T() + 0.2
            for i in range(n):
                delay = t_send + i / a.rate - T()
                if delay > 0:
                    await asyncio.sleep(delay)
                post_tasks.append(asyncio.create_task(send(i, rng.choice(tids))))
            await asyncio.gather(*post_tasks)
            send_span = T() - t_send
            deadline = T() + a.drain
            while self.got_arrivals < self.expected_arrivals and T() < deadline:
                await asyncio.sleep(0.05)
            await asyncio.sleep(1)  # anything late or duplicated
            result["rss_after_kb"] = {"a": proc_status(a.pid_a), "b": proc_status(a.pid_b)}
            result["send_seconds"] = send_span
            result["achieved_rate"] = n / send_span

            # 4. Checks against the database's log.
            logged = {}
            for username, eid, kind in self.psql.rows(
                "SELECT u.username, e.id, e.kind FROM user_events e JOIN users u ON u.id = e.user_id "
                "WHERE u.username LIKE 'bench.u%'"
            ):
                if username in start_ids and int(eid) > start_ids[username]:
                    logged.setdefault(username, set()).add(int(eid))
            dup = missing = extra = received = 0
            kinds = {}
            resets = 0
            for s in streams:
                got = [e[0] for e in s.events if e[0] is not None and e[0] > start_ids[s.username]]
                for e in s.events[pre[s.username]:]:
                    kinds[e[1]] = kinds.get(e[1], 0) + 1
                    resets += e[1] == "reset"
                received += len(got)
                dup += len(got) - len(set(got))
                want = logged.get(s.username, set())
                missing += len(want - set(got))
                extra += len(set(got) - want)
            ok_sends = [r for r in sends if r.get("status") == 201]
            lat, pairs_missing, pairs_dup, worst = [], 0, 0, []
            for r in ok_sends:
                arr = self.arrivals.get(r["message_id"], [])
                for user in threads[r["thread"]]:
                    times = [t for (u, t) in arr if u == user]
                    if not times:
                        pairs_missing += 1
                    else:
                        pairs_dup += len(times) - 1
                        lat.append((times[0] - r["t0"]) * 1000)
                        worst.append({"at_s": round(r["t0"] - t_send, 3), "latency_ms": round(lat[-1], 1),
                                      "post_ms": round((r["t1"] - r["t0"]) * 1000, 1), "to": user})
            errors = [r for r in sends if r.get("status") != 201]
            result.update({
                "posts": len(sends),
                "posts_ok": len(ok_sends),
                "post_errors": [{"status": r.get("status"), "error": r.get("error")} for r in errors[:10]],
                "post_ms": summary_ms([(r["t1"] - r["t0"]) * 1000 for r in ok_sends]),
                "deliveries_expected": sum(len(threads[r["thread"]]) for r in ok_sends),
                "deliveries_missing": pairs_missing,
                "deliveries_duplicated": pairs_dup,
                "latency_ms": summary_ms(lat),
                "latency_under_250_ms_share": (sum(1 for x in lat if x <= 250) / len(lat)) if lat else None,
                "events_logged": sum(len(v) for v in logged.values()),
                "events_received": received,
                "events_duplicated": dup,
                "events_missing": missing,
                "events_unknown": extra,
                "events_by_kind": kinds,
                "resets": resets,
                "stream_ends": sum(len(s.ends) for s in streams),
                "stream_end_reasons": sorted({w for s in streams for (_, w) in s.ends})[:10],
                "reconnects": sum(max(0, s.connects - 1) for s in streams),
                "loop_lag_ms": summary_ms(self.lags),
                "slowest_deliveries": sorted(worst, key=lambda w: -w["latency_ms"])[:15],
            })
            log(json.dumps({k: result[k] for k in (
                "posts_ok", "deliveries_expected", "deliveries_missing", "deliveries_duplicated",
                "latency_ms", "events_logged", "events_received", "events_duplicated",
                "events_missing", "events_unknown", "stream_ends")}, indent=1))
        finally:
            for s in streams:
                s.stopping = True
            for t in tasks:
                t.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            stop_lag.set()
            await lag_task
            await sse.close()
            await api.close()
        with open(a.out, "w") as f:
            json.dump(result, f, indent=1)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--a", required=True, help="base URL of instance A (posts)")
    p.add_argument("--b", required=True, help="base URL of instance B (streams)")
    p.add_argument("--pid-a", type=int, required=True)
    p.add_argument("--pid-b", type=int, required=True)
    p.add_argument("--users", required=True, help="file: one username per line (one stream each)")
    p.add_argument("--password", required=True)
    p.add_argument("--psql", required=True, help="psql command line reaching the database")
    p.add_argument("--rate", type=float, default=30)
    p.add_argument("--duration", type=float, default=60)
    p.add_argument("--idle", type=float, default=10)
    p.add_argument("--drain", type=float, default=10)
    p.add_argument("--token-ttl", type=float, default=900)
    p.add_argument("--login-concurrency", type=int, default=4)
    p.add_argument("--seed", type=int, default=2026)
    p.add_argument("--out", required=True)
    args = p.parse_args()
    asyncio.run(Bench(args).run())


if __name__ == "__main__":
    main()
