// Text drawn into RGBA8 images with a TrueType font (stb_truetype): UTF-8 in, NFC Vietnamese
// (precomposed letters) drawn with the font's own glyphs. CPU only.
#pragma once
