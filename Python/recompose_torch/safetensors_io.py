"""Reading and writing the safetensors format by hand (8-byte little-endian header length,
JSON header, raw little-endian data), so the package needs no extra dependency and every
failure names the file and the reason."""

from __future__ import annotations

import json
import os
import struct
import tempfile

import numpy as np

DTYPES = {"F32": np.dtype("<f4"), "F64": np.dtype("<f8"), "I32": np.dtype("<i4"), "I64": np.dtype("<i8")}
NAMES = {v: k for k, v in DTYPES.items()}


class SafeTensorsError(ValueError):
    """A safetensors file that cannot be read: the message names the file and what is wrong."""


def decode(data: bytes, path: str = "<memory>") -> tuple[dict[str, np.ndarray], dict[str, str]]:
    """Tensors by name and the string metadata of a safetensors file's bytes."""
    if len(data) < 8:
        raise SafeTensorsError(f"{path}: shorter than the 8-byte header length")
    (length,) = struct.unpack("<Q", data[:8])
    if length > len(data) - 8:
        raise SafeTensorsError(f"{path}: header length {length} exceeds the file ({len(data)} bytes)")
    try:
        header = json.loads(data[8 : 8 + length].decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SafeTensorsError(f"{path}: the header is not JSON ({error})") from None
    if not isinstance(header, dict):
        raise SafeTensorsError(f"{path}: the header is not a JSON object")
    body = memoryview(data)[8 + length :]
    metadata = header.pop("__metadata__", {}) or {}
    tensors: dict[str, np.ndarray] = {}
    for name, entry in header.items():
        try:
            dtype = DTYPES[entry["dtype"]]
            shape = [int(s) for s in entry["shape"]]
            begin, end = (int(x) for x in entry["data_offsets"])
        except (KeyError, TypeError, ValueError):
            raise SafeTensorsError(f"{path}: tensor '{name}' has a malformed or unsupported entry {entry!r}") from None
        count = int(np.prod(shape)) if shape else 1
        if begin < 0 or end > len(body) or end - begin != count * dtype.itemsize or any(s < 0 for s in shape):
            raise SafeTensorsError(
                f"{path}: tensor '{name}' offsets [{begin}, {end}) do not fit shape {shape} or the file")
        tensors[name] = np.frombuffer(body[begin:end], dtype=dtype).reshape(shape).copy()
    return tensors, {str(k): str(v) for k, v in metadata.items()}


def read(path: str) -> tuple[dict[str, np.ndarray], dict[str, str]]:
    """Reads a safetensors file (see ``decode``)."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        raise SafeTensorsError(f"{path}: cannot read ({error.strerror})") from None
    return decode(data, path)


def encode(tensors: list[tuple[str, np.ndarray]], metadata: dict[str, str] | None = None) -> bytes:
    """The bytes of a safetensors file holding `tensors` in the given order; the header is
    padded with spaces to a multiple of 8 as the reference implementation (and Swift) do."""
    header: dict[str, object] = {}
    offset = 0
    arrays = []
    for name, array in tensors:
        array = np.ascontiguousarray(array)
        dtype = array.dtype.newbyteorder("<") if array.dtype.byteorder == ">" else array.dtype
        if np.dtype(dtype).str not in {d.str for d in DTYPES.values()}:
            raise SafeTensorsError(f"tensor '{name}': dtype {array.dtype} is not one of F32, F64, I32, I64")
        array = array.astype(np.dtype(dtype).newbyteorder("<"), copy=False)
        raw = array.tobytes()
        header[name] = {"dtype": NAMES[np.dtype(array.dtype.str)], "shape": list(array.shape),
                        "data_offsets": [offset, offset + len(raw)]}
        offset += len(raw)
        arrays.append(raw)
    if metadata:
        header["__metadata__"] = {str(k): str(v) for k, v in metadata.items()}
    text = json.dumps(header, sort_keys=True, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)
    return struct.pack("<Q", len(text)) + text + b"".join(arrays)


def write_atomic(path: str, data: bytes) -> None:
    """Writes `data` beside `path` and renames it into place, so a crash never leaves half a file."""
    directory = os.path.dirname(os.path.abspath(path))
    os.makedirs(directory, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=".tmp-", suffix=os.path.basename(path))
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def write(path: str, tensors: list[tuple[str, np.ndarray]], metadata: dict[str, str] | None = None) -> None:
    """Encodes and writes a safetensors file atomically."""
    write_atomic(path, encode(tensors, metadata))
