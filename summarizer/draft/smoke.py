"""One real generation in a process of its own, for `summarizer doctor`.

`python -m summarizer.smoke MODEL.gguf` prints two JSON lines: what the
llama.cpp build is (printed before the model is touched, so that it arrives
even when the generation crashes), then one generated token and its timing.
A llama.cpp build that does not fit the CPU dies of a signal, not an
exception; in a child process that becomes one line of the doctor's report
instead of the end of the user's shell command.
"""

from __future__ import annotations

import json
import sys
import time
from importlib.metadata import version
from pathlib import Path

PROMPT = "Reply with one word: is the sky blue?"
ONE_WORD = "root ::= [A-Za-z]+"


def build_info() -> dict[str, str]:
    import llama_cpp

    return {
        "llama_cpp_python": version("llama-cpp-python"),
        "system_info": llama_cpp.llama_print_system_info().decode("utf-8", errors="replace"),
    }


def generate(model: Path) -> dict[str, float | str]:
    from summarizer.draft.backend import Backend

    start = time.perf_counter()
    backend = Backend(model)
    loaded = time.perf_counter()
    text = backend.chat(PROMPT, ONE_WORD, max_tokens=1)
    done = time.perf_counter()
    return {"text": text, "load_seconds": loaded - start, "generate_seconds": done - loaded}


def main(argv: list[str]) -> int:
    from summarizer.errors import SummarizerError

    print(json.dumps(build_info()), flush=True)
    try:
        print(json.dumps(generate(Path(argv[1]))), flush=True)
    except SummarizerError as e:
        print(json.dumps({"error": str(e)}), flush=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
