"""Keep the serving process's long-lived objects out of the garbage collector's full passes.

A running bot's heap is mostly long-lived: the modules of the chat libraries, pydantic and the
language model, and the loaded stories. A full collector pass walks all of it while holding the GIL
(about 110 ms on the development machine with 300 stories and the model imported, ``python -m bench
slack`` prints it), and every command in flight waits for it. :func:`settle` collects once and then
sets the survivors aside (``gc.freeze``), so later passes walk only what was made since.
"""

from __future__ import annotations

import gc


def settle() -> None:
    """Collect everything once, then set every surviving object aside from later passes.

    Call it when the process has loaded what it serves (after start-up, after each ingest). Objects set
    aside are still freed as soon as nothing refers to them; only reference cycles among them wait for
    the next call, which takes the previous set back first, so nothing is kept for good.
    """
    gc.unfreeze()
    gc.collect()
    gc.freeze()
