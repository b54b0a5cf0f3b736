"""Draw the neutral stand-in images that ship with the default content.

templates/un-pga/emblem.png: a plain globe in a ring (a slot for a real emblem,
deliberately not the UN emblem). content/signatures/mogens-lykketoft.png: a
scribble standing for a handwritten signature. Run from the repository root:

    .venv/bin/python scripts/make_placeholders.py
"""

import math
from pathlib import Path

from PIL import Image, ImageDraw

SCALE = 4  # draw large, then shrink, for smooth edges


def emblem(path: Path, size: int = 300) -> None:
    big = size * SCALE
    image = Image.new("RGBA", (big, big), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    ink = (40, 40, 40, 255)
    width = 5 * SCALE
    centre, radius = big / 2, big * 0.46
    draw.ellipse(
        [centre - radius, centre - radius, centre + radius, centre + radius],
        outline=ink,
        width=width,
    )
    inner = radius * 0.78
    draw.ellipse(
        [centre - inner, centre - inner, centre + inner, centre + inner], outline=ink, width=width
    )
    for fraction in (0.35, 0.7):  # meridians
        half = inner * fraction
        draw.ellipse(
            [centre - half, centre - inner, centre + half, centre + inner],
            outline=ink,
            width=width // 2,
        )
    draw.line([centre, centre - inner, centre, centre + inner], fill=ink, width=width // 2)
    for fraction in (-0.5, 0.0, 0.5):  # parallels
        y = centre + inner * fraction
        half = inner * math.sqrt(1 - fraction**2)
        draw.line([centre - half, y, centre + half, y], fill=ink, width=width // 2)
    image.resize((size, size), Image.LANCZOS).save(path, optimize=True)


def signature(path: Path, width: int = 600, height: int = 160) -> None:
    image = Image.new("RGBA", (width * SCALE, height * SCALE), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    points = []
    for step in range(900):
        t = step / 900
        x = 20 + t * (width - 60)
        y = (
            height / 2
            + 38 * math.sin(t * 31) * math.exp(-((t - 0.35) ** 2) * 3)
            + 12 * math.sin(t * 7)
        )
        points.append((x * SCALE, y * SCALE))
    draw.line(points, fill=(10, 10, 10, 255), width=3 * SCALE, joint="curve")
    draw.line(
        [(60 * SCALE, 125 * SCALE), (430 * SCALE, 112 * SCALE)],
        fill=(10, 10, 10, 255),
        width=2 * SCALE,
    )
    image.resize((width, height), Image.LANCZOS).save(path, optimize=True)


if __name__ == "__main__":
    root = Path(__file__).resolve().parents[1]
    (root / "content" / "signatures").mkdir(parents=True, exist_ok=True)
    emblem(root / "templates" / "un-pga" / "emblem.png")
    signature(root / "content" / "signatures" / "mogens-lykketoft.png")
