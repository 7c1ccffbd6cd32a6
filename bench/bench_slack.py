"""Slack HTTP endpoint under load: 200 signed /who-won and /brief commands, 20 at a time, 300 stories.

Run: ``python -m bench.bench_slack``. Everything is on loopback, in three processes so that none
competes with another for a GIL: the bot (Bolt app on the threaded WSGI server, as in production),
a fake Slack API that records when each answer arrives, and this one, which sends the commands from
one asyncio loop (aiohttp). Times are CLOCK_MONOTONIC, shared by the processes.
The 300 stories are ``dataclasses.replace`` copies of the seed story with distinct ids and titles
(each title carries a unique word, e.g. ``zeta017``, used as the command's topic).
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import gc
import multiprocessing
import resource
import threading
import time
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlencode

import aiohttp
from slack_sdk.signature import SignatureVerifier

from tests.bot.slack.fake_slack import FakeSlack

if TYPE_CHECKING:
    from summarizer.models import Story

# Only the bot process imports the bot (inside serve_bot): the sender and the fake Slack API are
# measuring instruments, and a heap as large as the bot's would slow them (their garbage collector
# walks every object imported) and add their pauses to the times measured.
EVENTS_PATH = "/slack/events"  # bot.slack.runner.EVENTS_PATH; serve_bot checks they agree

ROOT = Path(__file__).resolve().parent.parent
SECRET = "bench-signing-secret"


def synthetic_stories(count: int) -> list[Story]:
    """``count`` distinct stories copied from the seed story: new id, title and keyword each."""
    from summarizer.pipeline import build_stories
    from summarizer.readers import load_articles

    seed = build_stories(load_articles([ROOT / "seeds"]).articles)[0]
    return [
        dataclasses.replace(
            seed, id=f"s-bench-{i:03d}", title=f"{seed.title} (zeta{i:03d})", keywords=[*seed.keywords, f"zeta{i:03d}"]
        )
        for i in range(count)
    ]


def percentiles(values: list[float]) -> str:
    ordered = sorted(values)
    pick = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000  # noqa: E731
    return f"p50 {pick(0.50):6.1f} ms   p95 {pick(0.95):6.1f} ms   p99 {pick(0.99):6.1f} ms   max {ordered[-1] * 1000:6.1f} ms"


def rss_mb() -> tuple[float, float]:
    """(current, peak) resident set size in MB (Linux)."""
    current = 0.0
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            current = int(line.split()[1]) / 1024
    return current, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def full_pass_seconds() -> float:
    """How long one full garbage-collector pass takes here (every thread waits for it: it holds the GIL)."""
    started = time.perf_counter()
    gc.collect()
    return time.perf_counter() - started


def serve_bot(api_url: str, stories: int, conn: Connection) -> None:
    """The bot process: prepare the stories, serve the app, report the port, then RSS on request."""
    from bot.heap import settle
    from bot.service import CommandService, InMemoryStories
    from bot.slack.app import build_slack_app
    from bot.slack.runner import EVENTS_PATH as served_path
    from bot.slack.runner import make_http_server

    assert served_path == EVENTS_PATH, (served_path, EVENTS_PATH)
    app = build_slack_app(
        CommandService(InMemoryStories(synthetic_stories(stories))),
        token="xoxb-bench",
        signing_secret=SECRET,
        api_url=api_url,
    )
    server = make_http_server(app, "127.0.0.1", 0, signing_secret=SECRET)
    before = full_pass_seconds()
    settle()  # as newsbrief run does before serving
    after = full_pass_seconds()
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    conn.send(server.server_port)
    conn.recv()  # the load is done
    conn.send((*rss_mb(), before, after))
    server.shutdown()
    server.server_close()
    app.listener_runner.listener_executor.shutdown(wait=True)


def serve_fake_slack(conn: Connection) -> None:
    """The fake Slack process: report its API URL, then the answers it received when asked."""
    fake = FakeSlack().start()
    conn.send((fake.api_url, fake.response_url("")))
    expected = conn.recv()
    posts = fake.wait_for_posts(expected, timeout=30, settle=0.2)
    conn.send([(p.path, p.at, "58.30%" in p.visible_text) for p in posts])
    fake.stop()


async def send_all(
    url: str, response_base: str, requests: int, concurrency: int, stories: int
) -> list[tuple[float, float]]:
    """Send the commands, ``concurrency`` at a time; (sent at, seconds to the HTTP response) for each."""
    signer = SignatureVerifier(SECRET)
    gate = asyncio.Semaphore(concurrency)

    async def send(session: aiohttp.ClientSession, i: int) -> tuple[float, float]:
        command = "/who-won" if i % 2 == 0 else "/brief"
        body = urlencode(
            {
                "team_id": "T1",
                "channel_id": "C1",
                "user_id": "U1",
                "command": command,
                "text": f"zeta{i % stories:03d}",
                "response_url": f"{response_base}r{i}",
            }
        )
        ts = str(int(time.time()))
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "X-Slack-Request-Timestamp": ts,
            "X-Slack-Signature": signer.generate_signature(timestamp=ts, body=body),
        }
        async with gate:
            sent = time.monotonic()
            async with session.post(url, data=body.encode(), headers=headers) as response:
                await response.read()
                assert response.status == 200
            return sent, time.monotonic() - sent

    async with aiohttp.ClientSession() as session:
        return await asyncio.gather(*(send(session, i) for i in range(requests)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--stories", type=int, default=300)
    args = parser.parse_args(argv if argv is not None else [])

    spawn = multiprocessing.get_context("spawn")
    slack_here, slack_there = spawn.Pipe()
    fake = spawn.Process(target=serve_fake_slack, args=(slack_there,))
    fake.start()
    api_url, response_base = slack_here.recv()
    here, there = spawn.Pipe()
    bot = spawn.Process(target=serve_bot, args=(api_url, args.stories, there))
    bot.start()
    url = f"http://127.0.0.1:{here.recv()}{EVENTS_PATH}"
    try:
        results = asyncio.run(send_all(url, response_base, args.requests, args.concurrency, args.stories))
        slack_here.send(args.requests)
        posts = slack_here.recv()
        arrived = {path: at for path, at, _ in posts}
        answers = [
            arrived[f"/response/r{i}"] - sent for i, (sent, _) in enumerate(results) if f"/response/r{i}" in arrived
        ]
        wrong = [path for path, _, right in posts if not right]
        here.send("done")
        current, peak, full_before, full_after = here.recv()
    finally:
        fake.join(40)
        bot.join(10)

    print(
        f"{args.requests} requests, {args.concurrency} at a time; {len(answers)} answers posted, {len(wrong)} without 58.30%"
    )
    print(f"time to ack (HTTP response):      {percentiles([ack for _, ack in results])}")
    print(f"time to answer (posted to Slack): {percentiles(answers)}")
    print(f"bot process RSS ({args.stories} stories loaded): {current:.0f} MB now, {peak:.0f} MB peak")
    print(
        f"one full garbage-collector pass in the bot: {full_before * 1000:.1f} ms before bot.heap.settle, "
        f"{full_after * 1000:.1f} ms after"
    )
    return 0 if len(answers) == args.requests and not wrong else 1


if __name__ == "__main__":
    raise SystemExit(main())
