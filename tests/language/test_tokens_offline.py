"""Token counting must work with the network blocked: the encoding ships in a package."""

from __future__ import annotations

import subprocess
import sys

BLOCKED = """
import socket
def refuse(*args, **kwargs):
    raise OSError("network blocked by test")
socket.socket.connect = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
from summarizer.language import tokens
print(tokens.count("Kim Jong Un ordered new munitions factories."))
"""


def test_token_count_with_network_blocked(tmp_path) -> None:
    env = {"TIKTOKEN_CACHE_DIR": str(tmp_path), "PATH": "", "HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", BLOCKED], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) == 9
