"""A large backlog is analysed, and its stories built, by two processes with the same result as by one; a
dying worker loses nothing."""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading

import pytest

from summarizer import pipeline
from summarizer.analysis import analyse
from summarizer.models import Article
from summarizer.workers import FULL_PASS_AFTER, PROCESSES_ENV, few_full_collections, share_work

TOWNS = ["Arvel", "Brisk", "Corran", "Dallow", "Edric", "Fennet", "Gorse", "Hallam", "Irwen", "Jorvik"]


def _backlog() -> list[Article]:
    return [
        Article(
            id=f"a-{n}",
            outlet=f"Outlet {n % 4}",
            title=f"{town} council approves a new bridge",
            text=(
                f"The council of {town} approved a new footbridge over the canal on Monday, at a cost of "
                f"{n + 2} million crowns.\n\nWork starts in {town} next spring, the mayor said."
            ),
        )
        for n, town in enumerate(TOWNS * 4)
    ]


def test_two_processes_give_the_same_analyses_and_count_their_parses(monkeypatch: pytest.MonkeyPatch) -> None:
    articles = _backlog()
    before = analyse.parsed_count()
    alone = analyse.analyse_articles(articles)
    parsed_alone = analyse.parsed_count() - before

    monkeypatch.setenv(PROCESSES_ENV, "2")
    monkeypatch.setattr(analyse, "PARALLEL_ARTICLES", 10)
    before = analyse.parsed_count()
    shared = analyse.analyse_articles(articles)

    assert list(shared) == [a.id for a in articles]
    assert shared == alone
    # Each process parses its own chunks' distinct texts: at least as many as one process, all counted here.
    assert analyse.parsed_count() - before >= parsed_alone


def _sum_or_die(chunk: list[int]) -> int:
    if multiprocessing.parent_process() is not None:
        os._exit(3)  # a worker dies mid-batch (out of memory, killed)
    return sum(chunk)


def test_a_dying_worker_leaves_its_chunks_to_this_process() -> None:
    work = list(range(100))
    results = share_work(work, _sum_or_die, processes=2)
    assert sum(results) == sum(work)


def _items(chunk: list[int]) -> list[int]:
    return chunk


def test_shared_work_comes_back_whole_and_in_order() -> None:
    work = list(range(237))
    chunks = share_work(work, _items, processes=2)
    assert [item for chunk in chunks for item in chunk] == work
    assert max(len(chunk) for chunk in chunks) == 16  # where the processes meet, chunks are smaller
    assert min(len(chunk) for chunk in chunks) < 16


def test_stories_built_by_two_processes_are_those_built_by_one(monkeypatch: pytest.MonkeyPatch) -> None:
    articles = _backlog()
    analyses = analyse.analyse_articles(articles)
    alone = pipeline.build_stories(articles, analyses=analyses)

    monkeypatch.setenv(PROCESSES_ENV, "2")
    monkeypatch.setattr(pipeline, "PARALLEL_STORIES", 2)
    shared = pipeline.build_stories(articles, analyses=analyses)

    assert len(alone) > 2
    assert shared == alone


def test_full_collections_are_held_back_in_batch_work_and_restored_after_it() -> None:
    before = gc.get_threshold()
    with few_full_collections():
        assert gc.get_threshold()[2] >= FULL_PASS_AFTER
        assert gc.get_threshold()[:2] == before[:2]
    assert gc.get_threshold() == before


def test_overlapping_batches_in_two_threads_leave_the_collector_as_it_was() -> None:
    before = gc.get_threshold()
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()

    def second() -> None:
        first_in.wait()
        with few_full_collections():
            second_in.set()
            first_out.wait()  # the first block ends while this one runs

    thread = threading.Thread(target=second)
    thread.start()
    with few_full_collections():
        first_in.set()
        second_in.wait()
    first_out.set()
    thread.join()
    assert gc.get_threshold() == before
