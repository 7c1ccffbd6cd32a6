"""Slack HTTP endpoint under load: 200 signed /who-won and /brief commands, 20 at a time, 300 stories.

Run: ``python -m bench.bench_slack``. Everything is on loopback. The bot (Bolt app on the threaded
WSGI server) runs in its own process, as in production; the senders and a fake Slack API that records
when each answer arrives run in this one, so they do not compete with the bot for the GIL.
The 300 stories are ``dataclasses.replace`` copies of the seed story with distinct ids and titles
(each title carries a unique word, e.g. ``zeta017``, used as the command's topic).
"""

from __future__ import annotations

import argparse
import dataclasses
import multiprocessing
import resource
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from multiprocessing.connection import Connection
from pathlib import Path
from urllib.parse import urlencode

from slack_sdk.signature import SignatureVerifier

from bot.service import CommandService, InMemoryStories
from bot.slack.app import build_slack_app
from bot.slack.runner import EVENTS_PATH, make_http_server
from summarizer.loading import load_articles
from summarizer.models import Story
from summarizer.pipeline import build_stories
from tests.bot.slack.fake_slack import FakeSlack

ROOT = Path(__file__).resolve().parent.parent
SECRET = "bench-signing-secret"


def synthetic_stories(count: int) -> list[Story]:
    """``count`` distinct stories copied from the seed story: new id, title and keyword each."""
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


def serve_bot(api_url: str, stories: int, conn: Connection) -> None:
    """The bot process: prepare the stories, serve the app, report the port, then RSS on request."""
    app = build_slack_app(
        CommandService(InMemoryStories(synthetic_stories(stories))),
        token="xoxb-bench",
        signing_secret=SECRET,
        api_url=api_url,
    )
    server = make_http_server(app, "127.0.0.1", 0)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    conn.send(server.server_port)
    conn.recv()  # the load is done
    conn.send(rss_mb())
    server.shutdown()
    server.server_close()
    app.listener_runner.listener_executor.shutdown(wait=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--stories", type=int, default=300)
    args = parser.parse_args()

    fake = FakeSlack().start()
    here, there = multiprocessing.get_context("spawn").Pipe()
    bot = multiprocessing.get_context("spawn").Process(target=serve_bot, args=(fake.api_url, args.stories, there))
    bot.start()
    url = f"http://127.0.0.1:{here.recv()}{EVENTS_PATH}"
    signer = SignatureVerifier(SECRET)

    def send(i: int) -> tuple[float, float]:
        command = "/who-won" if i % 2 == 0 else "/brief"
        body = urlencode(
            {
                "team_id": "T1",
                "channel_id": "C1",
                "user_id": "U1",
                "command": command,
                "text": f"zeta{i % args.stories:03d}",
                "response_url": fake.response_url(f"r{i}"),
            }
        )
        ts = str(int(time.time()))
        request = urllib.request.Request(
            url,
            data=body.encode(),
            method="POST",
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "X-Slack-Request-Timestamp": ts,
                "X-Slack-Signature": signer.generate_signature(timestamp=ts, body=body),
            },
        )
        sent = time.monotonic()
        with urllib.request.urlopen(request, timeout=10) as response:
            response.read()
            assert response.status == 200
        return sent, time.monotonic() - sent

    try:
        with ThreadPoolExecutor(args.concurrency) as pool:
            results = list(pool.map(send, range(args.requests)))
        posts = fake.wait_for_posts(args.requests, timeout=30, settle=0.2)
        arrived = {p.path: p.at for p in posts}
        answers = [
            arrived[f"/response/r{i}"] - sent for i, (sent, _) in enumerate(results) if f"/response/r{i}" in arrived
        ]
        wrong = [p.path for p in posts if "58.30%" not in p.visible_text]
        here.send("done")
        current, peak = here.recv()
    finally:
        fake.stop()
        bot.join(10)

    print(
        f"{args.requests} requests, {args.concurrency} at a time; {len(answers)} answers posted, {len(wrong)} without 58.30%"
    )
    print(f"time to ack (HTTP response):      {percentiles([ack for _, ack in results])}")
    print(f"time to answer (posted to Slack): {percentiles(answers)}")
    print(f"bot process RSS ({args.stories} stories loaded): {current:.0f} MB now, {peak:.0f} MB peak")
    return 0 if len(answers) == args.requests and not wrong else 1


if __name__ == "__main__":
    raise SystemExit(main())
