"""A CAPTCHA served by the site itself (P-3): no third-party service, nothing leaves the server.

Each challenge has two forms, and either answer is accepted: a distorted picture of five
characters (Pillow), and for screen-reader and low-vision users a short arithmetic question in
text. The answers live in the session and are good for one try only.
"""

from __future__ import annotations

import io
import random
import secrets

from PIL import Image, ImageDraw, ImageFilter, ImageFont

SESSION_KEY = "budgeting_captcha"
ALPHABET = "ACDEFHJKLMNPRTUVWXY34679"  # no look-alikes (0/O, 1/I, 2/Z, 5/S, 8/B)
LENGTH = 5


def challenge_new(session) -> dict:
    """Start a new challenge in ``session``; returns what the page shows (the arithmetic question's numbers)."""
    rng = secrets.SystemRandom()
    code = "".join(rng.choice(ALPHABET) for _ in range(LENGTH))
    a, b = rng.randint(2, 9), rng.randint(2, 9)
    session[SESSION_KEY] = {"code": code, "sum": a + b, "a": a, "b": b}
    return {"a": a, "b": b}


def challenge_current(session) -> dict | None:
    return session.get(SESSION_KEY)


def challenge_check(session, answer: str) -> bool:
    """Whether ``answer`` solves the session's challenge (the picture or the sum); the challenge is used up."""
    current = session.pop(SESSION_KEY, None)
    if not current:
        return False
    given = (answer or "").strip().upper().replace(" ", "")
    if not given:
        return False
    return secrets.compare_digest(given, current["code"]) or given == str(current["sum"])


def image_png(code: str, *, seed: int | None = None) -> bytes:
    """The picture of ``code``: characters jittered and rotated over noise lines, blurred a little."""
    rng = random.Random(seed)
    width, height = 200, 70
    image = Image.new("RGB", (width, height), (245, 245, 240))
    draw = ImageDraw.Draw(image)
    try:
        font = ImageFont.load_default(size=40)
    except TypeError:  # Pillow < 10.1
        font = ImageFont.load_default()
    for _ in range(8):
        draw.line(
            [(rng.randint(0, width), rng.randint(0, height)), (rng.randint(0, width), rng.randint(0, height))],
            fill=(rng.randint(90, 180),) * 3,
            width=2,
        )
    for index, char in enumerate(code):
        glyph = Image.new("RGBA", (50, 60), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text((8, 4), char, font=font, fill=(20, 30, 60, 255))
        glyph = glyph.rotate(rng.uniform(-25, 25), resample=Image.Resampling.BICUBIC, expand=False)
        image.paste(glyph, (10 + index * 37, rng.randint(0, 12)), glyph)
    for _ in range(300):
        draw.point((rng.randint(0, width - 1), rng.randint(0, height - 1)), fill=(rng.randint(0, 200),) * 3)
    image = image.filter(ImageFilter.SMOOTH)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
