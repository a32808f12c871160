"""Worker processes with a time limit per task: the only module that imports pebble.

A pattern that backtracks for an hour, or a PDF library that crashes, takes down one worker,
never the run: the task ends with a message and a fresh worker takes the next file.
"""

from __future__ import annotations

import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import TimeoutError as TaskTimeout
from typing import Any, TypeVar

from pebble import ProcessExpired, ProcessPool

T = TypeVar("T")
K = TypeVar("K")


class TaskFailed(Exception):
    """A task that ran out of time or whose worker process died; the message says which."""

    def __init__(self, message: str, *, timed_out: bool) -> None:
        super().__init__(message)
        self.timed_out = timed_out


def run_in_workers(
    tasks: Iterable[tuple[K, Callable[..., T], tuple[Any, ...]]],
    *,
    jobs: int,
    timeout_s: float | None,
) -> Iterator[tuple[K, T | TaskFailed]]:
    """Run ``(key, function, args)`` tasks in ``jobs`` processes; yield ``(key, result)`` in task order.

    A task over ``timeout_s`` seconds is stopped (its worker killed) and yields a TaskFailed, as
    does one whose worker died. Exceptions raised by the function itself propagate. At most a few
    tasks per worker are queued ahead, so a long run holds few results in memory.
    """
    pool = ProcessPool(max_workers=jobs, initializer=_die_with_parent, initargs=(os.getpid(),))
    window: deque = deque()
    ahead = 2 * jobs
    finished = False
    try:
        for key, function, args in tasks:
            window.append((key, pool.schedule(function, args=args, timeout=timeout_s)))
            while len(window) > ahead:
                yield _outcome(*window.popleft(), timeout_s)
        while window:
            yield _outcome(*window.popleft(), timeout_s)
        finished = True
    finally:
        if finished:
            pool.close()
        else:  # interrupted (Ctrl-C, or the consumer stopped): kill the workers, do not wait for them
            pool.stop()
        pool.join()


def _die_with_parent(parent: int) -> None:
    """In a worker: be killed when the run that started it dies (kill -9, out of memory), instead of going
    on alone with a file that never ends (Linux; elsewhere a worker ends after its current file)."""
    if sys.platform.startswith("linux"):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
        if os.getppid() != parent:  # the run died before prctl took effect
            os.kill(os.getpid(), signal.SIGKILL)


def _outcome(key, future, timeout_s: float | None):
    try:
        return key, future.result()
    except TaskTimeout:
        return key, TaskFailed(f"took longer than {timeout_s:g} s and was stopped", timed_out=True)
    except ProcessExpired as error:
        return key, TaskFailed(f"the worker process died (exit code {error.exitcode}: out of memory, or a crash "
                               f"in a library reading the file)", timed_out=False)
