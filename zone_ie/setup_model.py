"""Obtain the pkuseg general-domain model (``zone-ie setup``).

spacy-pkuseg ships no model. The ``pkuseg`` source distribution on the package
index ships one (``pkuseg/models/default``). We download that sdist with pip
(a package download, nothing else on the network), unpack only the model into
the user cache and convert its feature table to spacy-pkuseg's msgpack format,
which loads faster than the pickle.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PKUSEG_SDIST = "pkuseg==0.0.25"
MODEL_MEMBER = "pkuseg/models/default/"
MODEL_FILES = ("weights.npz", "features.msgpack")
INSTALL_HINT = "zone-ie setup"


class ModelMissingError(RuntimeError):
    """The pkuseg model is not installed."""


def cache_dir() -> Path:
    """Where zone_ie keeps downloaded data (``$ZONE_IE_CACHE`` overrides)."""
    env = os.environ.get("ZONE_IE_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache")
    return Path(base) / "zone_ie"


def pkuseg_model_dir() -> Path:
    """Directory of the converted pkuseg model (may not exist yet)."""
    return cache_dir() / "pkuseg-default"


def model_installed(path: Path | None = None) -> bool:
    path = path or pkuseg_model_dir()
    return all((path / f).exists() for f in MODEL_FILES)


def require_model(path: str | os.PathLike | None = None) -> Path:
    """Return the model directory or raise :class:`ModelMissingError` with the fix."""
    p = Path(path) if path else pkuseg_model_dir()
    if model_installed(p) or (p / "features.pkl").exists() and (p / "weights.npz").exists():
        return p
    raise ModelMissingError(
        f"pkuseg model not found in {p}. Install it with `{INSTALL_HINT}` "
        "(downloads the pkuseg sdist from the package index, ~49 MB), "
        "or use segmenter='char'."
    )


def _pip(*args: str) -> None:
    cmd = [sys.executable, "-m", "pip", *args]
    subprocess.run(cmd, check=True)


def download_sdist(dest: Path) -> Path:
    """Download the pkuseg sdist into ``dest`` through pip and return its path.

    pip prepares the sdist's metadata by running its setup.py, which imports
    numpy and Cython; they are installed first and build isolation is off.
    """
    _pip("install", "--quiet", "cython", "wheel", "setuptools", "numpy")
    _pip(
        "download", "--quiet", "--no-deps", "--no-build-isolation",
        "--no-binary", ":all:", PKUSEG_SDIST, "-d", str(dest),
    )
    found = sorted(dest.glob("pkuseg-*.tar.gz"))
    if not found:
        raise RuntimeError(f"pip did not save a pkuseg sdist in {dest}")
    return found[0]


def unpack_model(sdist: Path, target: Path) -> None:
    """Extract only ``pkuseg/models/default/*`` of ``sdist`` into ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    with tarfile.open(sdist, "r:gz") as tar:
        for member in tar.getmembers():
            name = member.name.split("/", 1)[-1]
            if not (member.isfile() and name.startswith(MODEL_MEMBER)):
                continue
            base = name[len(MODEL_MEMBER):]
            if base not in ("weights.npz", "features.pkl"):
                continue
            src = tar.extractfile(member)
            assert src is not None
            (target / base).write_bytes(src.read())


def convert_features(target: Path) -> None:
    """Write ``features.msgpack`` (spacy-pkuseg's format) from ``features.pkl``."""
    import contextlib
    import io

    from spacy_pkuseg.feature_extractor import FeatureExtractor

    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        fe = FeatureExtractor.load(str(target))
    fe.save(str(target))
    (target / "features.pkl").unlink()


def install_pkuseg_model(force: bool = False, sdist: Path | None = None) -> Path:
    """Download, unpack and convert the model; idempotent unless ``force``."""
    target = pkuseg_model_dir()
    if model_installed(target) and not force:
        return target
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        archive = sdist or download_sdist(tmpdir)
        staging = tmpdir / "model"
        unpack_model(archive, staging)
        convert_features(staging)
        target.mkdir(parents=True, exist_ok=True)
        for f in MODEL_FILES:
            shutil.move(str(staging / f), str(target / f))
    return target
