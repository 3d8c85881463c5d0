"""Run the askisk CLI with the bundled all-MiniLM-L6-v2 replaced by another sentence-transformers folder
(issue 17, round 6; docs/eval.md): an end-to-end check of the shipping path before the package carries the
model (the build's ONNX export and its check, passage embedding through it, the onnxruntime query side).

The folder must have the stock model's layout files (`modules.json`, `1_Pooling/config.json`,
`sentence_bert_config.json` with `max_seq_length`), which `onnx_export.model_settings` reads; copy them from
the bundled model over what sentence-transformers 6 saves. Use a separate cache so the export is not
shared with stock builds (it would not be: the cache is keyed by the model files' checksums):

    ENC17_MODEL=/work/data/enc17/ship-mix ASKISK_CACHE=/work/data/enc17/askisk-cache PYTHONPATH=src \\
        .venv/bin/python scripts/run_with_encoder.py index --kb kb --index /tmp/enc17-seed-mix
    ENC17_MODEL=... PYTHONPATH=src .venv/bin/python scripts/run_with_encoder.py eval --kb kb \\
        --index /tmp/enc17-seed-mix --split dev
"""

import os
import sys
from pathlib import Path

import askisk.config
import askisk.encoder.embeddings
import askisk.encoder.onnx_export

folder = Path(os.environ["ENC17_MODEL"])
for module in (askisk.config, askisk.encoder.embeddings, askisk.encoder.onnx_export):
    module.model_dir = lambda: folder  # type: ignore[attr-defined]

from askisk.cli import main  # noqa: E402

sys.argv = ["askisk", *sys.argv[1:]]
sys.exit(main())
