"""WiSE-FT weight interpolation (issue 17, round 6): theta = (1 - alpha) * stock + alpha * tuned, written
as a sentence-transformers folder (the tuned folder's files with the mixed weights).

    PYTHONPATH=src .venv/bin/python scripts/interpolate_encoder.py \
        /work/data/enc17/m-cf 0.5 /work/data/enc17/m-cf-a05
"""

import shutil
import sys
from pathlib import Path

from safetensors.torch import load_file, save_file

from askisk.config import model_dir

tuned, alpha, out = Path(sys.argv[1]), float(sys.argv[2]), Path(sys.argv[3])
shutil.copytree(tuned, out, dirs_exist_ok=True)
a = load_file(str(model_dir() / "model.safetensors"))
b = load_file(str(tuned / "model.safetensors"))
assert set(b) <= set(a), set(a) ^ set(b)
mix = {
    k: ((1 - alpha) * a[k].float() + alpha * b[k].float()).to(b[k].dtype)
    if a[k].is_floating_point()
    else b[k]
    for k in b
}
save_file(mix, str(out / "model.safetensors"), metadata={"format": "pt"})
print("wrote", out, "alpha", alpha)
