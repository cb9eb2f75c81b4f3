"""Checks that a MusicXML file has complete bars: in every measure of every part, each voice's
notes and rests (chord tones and grace notes do not advance time) add up to the time
signature's length. Independent of Recompose's Swift reader: plain ``xml.etree``.

    python -m recompose_torch.check_score FILE.musicxml     # exit 1 and the bad bars if any
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from fractions import Fraction


def incomplete_bars(path: str) -> tuple[int, list[str]]:
    """The number of measures checked and a description of each incomplete one."""
    root = ET.parse(path).getroot()
    problems: list[str] = []
    checked = 0
    for part in root.iter("part"):
        divisions, bar = None, None
        for measure in part.iter("measure"):
            attributes = measure.find("attributes")
            if attributes is not None:
                if attributes.find("divisions") is not None:
                    divisions = int(attributes.findtext("divisions"))
                time = attributes.find("time")
                if time is not None and time.find("beats") is not None:
                    bar = Fraction(int(time.findtext("beats")) * 4, int(time.findtext("beat-type")))
            if divisions is None or bar is None:
                problems.append(f"part {part.get('id')} measure {measure.get('number')}: no divisions or time")
                continue
            voices: dict[tuple[str, str], Fraction] = {}
            for note in measure.iter("note"):
                if note.find("chord") is not None or note.find("grace") is not None:
                    continue
                key = (note.findtext("staff", "1"), note.findtext("voice", "1"))
                voices[key] = voices.get(key, Fraction(0)) + Fraction(int(note.findtext("duration")), divisions)
            checked += 1
            for (staff, voice), length in sorted(voices.items()):
                if length != bar:
                    problems.append(f"part {part.get('id')} measure {measure.get('number')} staff {staff} voice "
                                    f"{voice}: {length} quarters, the bar holds {bar}")
            if not voices:
                problems.append(f"part {part.get('id')} measure {measure.get('number')}: empty")
    return checked, problems


def main(argv: list[str]) -> int:
    status = 0
    for path in argv:
        checked, problems = incomplete_bars(path)
        for problem in problems:
            print(f"{path}: {problem}")
        if problems or checked == 0:
            status = 1
        else:
            print(f"{path}: {checked} measures, every bar complete")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
