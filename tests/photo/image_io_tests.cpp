// Photo files: PNG (8/16 bits, sRGB chunk), JPEG and WebP round trips, metadata in each, and
// malformed files that must give errors, never a crash.
#include <stb_image.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "core/files.h"
#include "photo/image_io.h"
#include "photo/png.h"
#include "support.h"

using namespace ocop;
namespace fs = std::filesystem;

namespace {

using ImageIoMetadata = std::vector<std::pair<std::string, std::string>>;

// A catalogue-like photo: white background (the top 16 rows, two whole JPEG blocks, stay
// untouched), a red-to-blue gradient disc and a green bar. `cutout`: the background is
// transparent, with colour left under the zero alpha, and the disc's rim half transparent.
render::Pixels imageio_photo(bool cutout = false) {
    render::Pixels p{64, 48, std::vector<std::uint8_t>(64 * 48 * 4)};
    for (std::uint32_t y = 0; y < p.height; ++y)
        for (std::uint32_t x = 0; x < p.width; ++x) {
            std::uint8_t* px = &p.rgba8[(y * p.width + x) * 4];
            const float d = std::hypot(float(x) - 24.0f, float(y) - 32.0f);
            std::uint8_t rgba[4] = {255, 255, 255, 255};
            if (d < 12.0f) {
                rgba[0] = std::uint8_t(200 - x * 2);
                rgba[1] = std::uint8_t(40 + y);
                rgba[2] = std::uint8_t(60 + x * 2);
                if (cutout && d > 10.0f) rgba[3] = 128;
            } else if (x >= 44 && x < 52 && y >= 20) {
                rgba[0] = 30;
                rgba[1] = 160;
                rgba[2] = 70;
            } else if (cutout) {
                rgba[0] = std::uint8_t(x * 3);  // colour under zero alpha: straight alpha keeps it
                rgba[3] = 0;
            }
            std::copy(rgba, rgba + 4, px);
        }
    return p;
}

// Mean absolute difference a channel, over the pixels `expected` shows (alpha > 0): the colour
// under zero alpha is free for a lossy encoder.
double imageio_mean_error(const render::Pixels& actual, const render::Pixels& expected) {
    REQUIRE(actual.width == expected.width);
    REQUIRE(actual.height == expected.height);
    REQUIRE(actual.rgba8.size() == expected.rgba8.size());
    double sum = 0.0;
    std::size_t count = 0;
    for (std::size_t i = 0; i < actual.rgba8.size(); i += 4) {
        if (expected.rgba8[i + 3] == 0) continue;
        for (std::size_t c = 0; c < 4; ++c) sum += std::abs(int(actual.rgba8[i + c]) - int(expected.rgba8[i + c]));
        count += 4;
    }
    return count ? sum / double(count) : 0.0;
}

std::vector<std::uint8_t> imageio_bytes(const fs::path& path) {
    Result<std::vector<std::uint8_t>> bytes = read_file(path);
    REQUIRE(bytes.ok());
    return *bytes;
}

void imageio_write_bytes(const fs::path& path, std::span<const std::uint8_t> bytes) {
    REQUIRE(write_file_atomic(path, bytes).ok());
}

// Byte 24 of a PNG is IHDR's bit depth, byte 25 its colour type (2: RGB, 6: RGBA).
std::pair<int, int> imageio_png_depth_and_type(const std::vector<std::uint8_t>& png) {
    REQUIRE(png.size() > 26);
    return {png[24], png[25]};
}

// The PNG chunk CRC (ISO 3309, as in PNG spec annex D), for a hand-made header.
std::uint32_t imageio_crc(const std::uint8_t* data, std::size_t size) {
    std::uint32_t crc = 0xFFFFFFFFu;
    for (std::size_t i = 0; i < size; ++i) {
        crc ^= data[i];
        for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return crc ^ 0xFFFFFFFFu;
}

void imageio_put_be32(std::vector<std::uint8_t>& out, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(std::uint8_t(v >> shift));
}

// A PNG signature and an IHDR claiming width x height, then nothing.
std::vector<std::uint8_t> imageio_png_header(std::uint32_t width, std::uint32_t height) {
    std::vector<std::uint8_t> png = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    imageio_put_be32(png, 13);
    const std::size_t type_at = png.size();
    for (const char c : {'I', 'H', 'D', 'R'}) png.push_back(std::uint8_t(c));
    imageio_put_be32(png, width);
    imageio_put_be32(png, height);
    png.insert(png.end(), {8, 6, 0, 0, 0});
    imageio_put_be32(png, imageio_crc(&png[type_at], png.size() - type_at));
    return png;
}

}  // namespace

TEST_CASE("photo formats have names and extensions", "[photo][image-io]") {
    CHECK(photo::photo_format("jpg", "preset").value() == photo::PhotoFormat::Jpeg);
    CHECK(photo::photo_format("webp", "preset").value() == photo::PhotoFormat::Webp);
    CHECK(photo::format_extension(photo::PhotoFormat::Jpeg) == ".jpg");
    CHECK(photo::format_name(photo::PhotoFormat::Png) == "png");
    Result<photo::PhotoFormat> gif = photo::photo_format("gif", "studio.preset.json");
    REQUIRE_FALSE(gif.ok());
    CHECK(gif.error().message().find("studio.preset.json") != std::string::npos);
}

TEST_CASE("PNG round trip is exact: RGB when opaque, RGBA with alpha", "[photo][image-io]") {
    const fs::path dir = test::scratch_dir("image_io_png");
    for (const bool cutout : {false, true}) {
        INFO("cutout " << cutout);
        const render::Pixels photo = imageio_photo(cutout);
        REQUIRE(photo::write_photo(dir / "p.png", photo, {.format = photo::PhotoFormat::Png}).ok());
        CHECK(imageio_png_depth_and_type(imageio_bytes(dir / "p.png")) == std::pair(8, cutout ? 6 : 2));
        Result<render::Pixels> back = photo::read_photo(dir / "p.png");
        REQUIRE(back.ok());
        CHECK(back->rgba8 == photo.rgba8);
        // The engine's write_png/read_png are the same writer and reader.
        REQUIRE(photo::write_png(dir / "q.png", photo).ok());
        CHECK(imageio_bytes(dir / "q.png") == imageio_bytes(dir / "p.png"));
        CHECK(photo::read_png(dir / "q.png").value().rgba8 == photo.rgba8);
    }
}

TEST_CASE("16-bit PNG keeps every 16-bit value and reads back rounded to 8 bits", "[photo][image-io]") {
    photo::Pixels16 wide{5, 3, {}};
    for (std::size_t i = 0; i < 5 * 3 * 4; ++i) wide.rgba16.push_back(std::uint16_t(i * 4099 + 7));
    const fs::path dir = test::scratch_dir("image_io_png16");
    REQUIRE(photo::write_png16(dir / "w.png", wide, {}).ok());
    const std::vector<std::uint8_t> png = imageio_bytes(dir / "w.png");
    CHECK(imageio_png_depth_and_type(png) == std::pair(16, 6));
    // Another decoder (stb) sees exactly our 16-bit samples.
    int w = 0, h = 0, n = 0;
    stbi_us* decoded = stbi_load_16_from_memory(png.data(), int(png.size()), &w, &h, &n, 4);
    REQUIRE(decoded != nullptr);
    const std::vector<std::uint16_t> samples(decoded, decoded + 5 * 3 * 4);
    stbi_image_free(decoded);
    CHECK(samples == wide.rgba16);
    Result<render::Pixels> narrow = photo::read_photo(dir / "w.png");
    REQUIRE(narrow.ok());
    for (std::size_t i = 0; i < wide.rgba16.size(); ++i)
        CHECK(int(narrow->rgba8[i]) == int(std::lround(wide.rgba16[i] / 257.0)));

    // 8-bit photos written with png_bits 16 (v * 257) come back exactly, as RGB when opaque.
    const render::Pixels photo = imageio_photo();
    REQUIRE(photo::write_photo(dir / "p16.png", photo, {.format = photo::PhotoFormat::Png, .png_bits = 16}).ok());
    CHECK(imageio_png_depth_and_type(imageio_bytes(dir / "p16.png")) == std::pair(16, 2));
    CHECK(photo::read_photo(dir / "p16.png").value().rgba8 == photo.rgba8);
}

TEST_CASE("PNG files carry a perceptual sRGB chunk before the pixels", "[photo][image-io]") {
    Result<std::vector<std::uint8_t>> png = photo::encode_photo(imageio_photo(), {.format = photo::PhotoFormat::Png});
    REQUIRE(png.ok());
    const std::string_view text(reinterpret_cast<const char*>(png->data()), png->size());
    const std::size_t srgb = text.find("sRGB");
    REQUIRE(srgb != std::string_view::npos);
    CHECK(srgb < text.find("IDAT"));
    CHECK(png->at(srgb - 1) == 1);  // chunk length 1
    CHECK(png->at(srgb + 4) == 0);  // rendering intent 0: perceptual
}

TEST_CASE("JPEG round trip is close, and pure white stays 255 at quality 92", "[photo][image-io]") {
    const render::Pixels photo = imageio_photo();
    const fs::path dir = test::scratch_dir("image_io_jpeg");
    REQUIRE(photo::write_photo(dir / "p.jpg", photo, {.format = photo::PhotoFormat::Jpeg, .quality = 92}).ok());
    Result<render::Pixels> back = photo::read_photo(dir / "p.jpg");
    REQUIRE(back.ok());
    CHECK(imageio_mean_error(*back, photo) < 1.5);
    for (std::size_t i = 0; i < std::size_t(16) * photo.width * 4; ++i) {
        INFO("byte " << i);
        REQUIRE(back->rgba8[i] == 255);
    }
    // 4:4:4, no chroma subsampling: the green bar's colour stays inside its own edges.
    const std::uint8_t* bar = &back->rgba8[(40 * 64 + 44) * 4];
    CHECK(std::abs(int(bar[0]) - 30) <= 8);
    CHECK(std::abs(int(bar[1]) - 160) <= 8);
    // A lower quality is smaller and still close.
    Result<std::vector<std::uint8_t>> low = photo::encode_photo(photo, {.format = photo::PhotoFormat::Jpeg, .quality = 50});
    REQUIRE(low.ok());
    CHECK(low->size() < imageio_bytes(dir / "p.jpg").size());
}

TEST_CASE("JPEG refuses a photo with transparent pixels", "[photo][image-io]") {
    const fs::path dir = test::scratch_dir("image_io_jpeg_alpha");
    Status s = photo::write_photo(dir / "cutout.jpg", imageio_photo(true), {.format = photo::PhotoFormat::Jpeg});
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().kind == Error::Kind::BadInput);
    CHECK(s.error().message().find("cutout.jpg") != std::string::npos);
    CHECK(s.error().message().find("alpha") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "cutout.jpg"));
}

TEST_CASE("WebP lossless is exact with alpha, lossy is close", "[photo][image-io]") {
    const fs::path dir = test::scratch_dir("image_io_webp");
    for (const bool cutout : {false, true}) {
        INFO("cutout " << cutout);
        const render::Pixels photo = imageio_photo(cutout);
        REQUIRE(photo::write_photo(dir / "exact.webp", photo, {.format = photo::PhotoFormat::Webp, .quality = 100}).ok());
        Result<render::Pixels> exact = photo::read_photo(dir / "exact.webp");
        REQUIRE(exact.ok());
        CHECK(exact->rgba8 == photo.rgba8);

        REQUIRE(photo::write_photo(dir / "lossy.webp", photo, {.format = photo::PhotoFormat::Webp, .quality = 90}).ok());
        Result<render::Pixels> lossy = photo::read_photo(dir / "lossy.webp");
        REQUIRE(lossy.ok());
        CHECK(imageio_mean_error(*lossy, photo) < 3.0);
        int worst_alpha = 0;
        for (std::size_t i = 3; i < photo.rgba8.size(); i += 4)
            worst_alpha = std::max(worst_alpha, std::abs(int(lossy->rgba8[i]) - int(photo.rgba8[i])));
        CHECK(worst_alpha <= 2);
    }
}

TEST_CASE("Vietnamese metadata round trips in PNG, JPEG and WebP", "[photo][image-io]") {
    const ImageIoMetadata metadata = {
        {"product", "Bình gốm Bát Tràng"},
        {"preset", "marketplace-white"},
        {"software", "ocop showroom 1.0"},
        {"note", "men rạn <cổ> & \"xanh\"\nback\\slash = ok"},
    };
    const fs::path dir = test::scratch_dir("image_io_metadata");
    const photo::EncodeOptions variants[] = {
        {.format = photo::PhotoFormat::Png, .metadata = metadata},
        {.format = photo::PhotoFormat::Png, .png_bits = 16, .metadata = metadata},
        {.format = photo::PhotoFormat::Jpeg, .metadata = metadata},
        {.format = photo::PhotoFormat::Webp, .quality = 80, .metadata = metadata},
        {.format = photo::PhotoFormat::Webp, .quality = 100, .metadata = metadata},
    };
    for (const photo::EncodeOptions& options : variants) {
        const fs::path path = dir / ("p" + std::to_string(options.png_bits) + std::to_string(options.quality) +
                                     std::string(photo::format_extension(options.format)));
        INFO(path);
        REQUIRE(photo::write_photo(path, imageio_photo(), options).ok());
        Result<ImageIoMetadata> back = photo::read_photo_metadata(path);
        REQUIRE(back.ok());
        CHECK(*back == metadata);
        CHECK(photo::read_photo(path).ok());  // the metadata leaves the image readable
    }
    // No metadata: none read back.
    REQUIRE(photo::write_photo(dir / "bare.jpg", imageio_photo(), {.format = photo::PhotoFormat::Jpeg}).ok());
    CHECK(photo::read_photo_metadata(dir / "bare.jpg").value().empty());
}

TEST_CASE("metadata keys must be plain names and values UTF-8 text", "[photo][image-io]") {
    for (const auto& [key, value] : ImageIoMetadata{{"", "x"}, {"two words", "x"}, {"a=b", "x"}, {"sản_phẩm", "x"},
                                                   {"product", "bell\a"}, {"product", "\xC3"}}) {
        INFO(key << " = " << value);
        Result<std::vector<std::uint8_t>> encoded =
            photo::encode_photo(imageio_photo(), {.format = photo::PhotoFormat::Png, .metadata = {{key, value}}});
        REQUIRE_FALSE(encoded.ok());
        CHECK(encoded.error().kind == Error::Kind::BadInput);
    }
}

TEST_CASE("bad encode options are refused", "[photo][image-io]") {
    CHECK_FALSE(photo::encode_photo(imageio_photo(), {.format = photo::PhotoFormat::Jpeg, .quality = 0}).ok());
    CHECK_FALSE(photo::encode_photo(imageio_photo(), {.format = photo::PhotoFormat::Webp, .quality = 101}).ok());
    CHECK_FALSE(photo::encode_photo(imageio_photo(), {.format = photo::PhotoFormat::Png, .png_bits = 12}).ok());
    CHECK_FALSE(photo::encode_photo(render::Pixels{}, {}).ok());
}

TEST_CASE("truncated, empty, random and oversized photo files give errors naming the file", "[photo][image-io]") {
    const fs::path dir = test::scratch_dir("image_io_malformed");
    const auto expect_error = [&](const std::string& name, std::span<const std::uint8_t> bytes) {
        INFO(name << " (" << bytes.size() << " bytes)");
        imageio_write_bytes(dir / name, bytes);
        Result<render::Pixels> p = photo::read_photo(dir / name);
        REQUIRE_FALSE(p.ok());
        CHECK(p.error().kind == Error::Kind::BadInput);
        CHECK(p.error().message().find(name) != std::string::npos);
    };
    const render::Pixels photo = imageio_photo(true);
    const render::Pixels opaque = imageio_photo();
    const std::pair<std::string, Result<std::vector<std::uint8_t>>> files[] = {
        {"png", photo::encode_photo(photo, {.format = photo::PhotoFormat::Png})},
        {"png16", photo::encode_photo(photo, {.format = photo::PhotoFormat::Png, .png_bits = 16})},
        {"jpg", photo::encode_photo(opaque, {.format = photo::PhotoFormat::Jpeg})},
        {"webp", photo::encode_photo(photo, {.format = photo::PhotoFormat::Webp, .quality = 80})},
        {"lossless.webp", photo::encode_photo(photo, {.format = photo::PhotoFormat::Webp, .quality = 100,
                                                      .metadata = {{"product", "Nón lá"}}})},
    };
    for (const auto& [name, encoded] : files) {
        REQUIRE(encoded.ok());
        const std::vector<std::uint8_t>& whole = encoded.value();
        for (const std::size_t cut : {std::size_t(4), std::size_t(30), whole.size() / 3, whole.size() / 2,
                                      whole.size() - 2})
            expect_error("cut" + std::to_string(cut) + "." + name, std::span(whole).first(cut));
    }
    expect_error("empty.png", {});
    std::mt19937 random(12345);
    std::vector<std::uint8_t> noise(2048);
    for (std::uint8_t& b : noise) b = std::uint8_t(random());
    expect_error("noise.png", noise);
    // Random bytes behind each format's signature.
    using namespace std::string_view_literals;
    for (const auto& [name, signature] : std::vector<std::pair<std::string, std::string_view>>{
             {"noise-sig.png", "\x89PNG\r\n\x1a\n"sv},
             {"noise-sig.jpg", "\xFF\xD8\xFF"sv},
             {"noise-sig.webp", "RIFF\xF8\x07\0\0WEBP"sv}}) {
        std::vector<std::uint8_t> bytes(signature.begin(), signature.end());
        bytes.insert(bytes.end(), noise.begin(), noise.end());
        expect_error(name, bytes);
    }
    // A header claiming 100000 x 100000 is refused before 40 GB are allocated.
    const std::vector<std::uint8_t> huge = imageio_png_header(100000, 100000);
    expect_error("huge.png", huge);
    imageio_write_bytes(dir / "huge2.png", huge);
    CHECK(photo::read_photo(dir / "huge2.png").error().message().find("16384") != std::string::npos);
    CHECK_FALSE(photo::read_photo(dir / "missing.png").ok());
}

TEST_CASE("corrupted bytes inside photo files never crash the readers", "[photo][image-io]") {
    // Flipped bytes may still decode (JPEG entropy data has no checksum): only no crash, no hang.
    std::mt19937 random(777);
    const render::Pixels photo = imageio_photo();
    for (const photo::PhotoFormat format : {photo::PhotoFormat::Png, photo::PhotoFormat::Jpeg, photo::PhotoFormat::Webp}) {
        Result<std::vector<std::uint8_t>> encoded =
            photo::encode_photo(photo, {.format = format, .quality = 85, .metadata = {{"product", "Lụa Vạn Phúc"}}});
        REQUIRE(encoded.ok());
        for (int trial = 0; trial < 60; ++trial) {
            std::vector<std::uint8_t> bytes = *encoded;
            for (int k = 0; k < 4; ++k) bytes[random() % bytes.size()] = std::uint8_t(random());
            Result<render::Pixels> p = photo::decode_photo(bytes, "corrupt");
            if (p.ok()) CHECK(p->rgba8.size() == std::size_t(p->width) * p->height * 4);
            else CHECK(p.error().message().find("corrupt") != std::string::npos);
            (void)photo::photo_metadata(bytes, "corrupt");
        }
    }
}
