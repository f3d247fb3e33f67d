#include "photo/image_io.h"

#include <png.h>
#include <turbojpeg.h>
#include <webp/decode.h>
#include <webp/encode.h>
#include <webp/mux.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>
#include <new>
#include <optional>

#include "core/files.h"
#include "photo/image_metadata.h"

namespace ocop::photo {
namespace image_io_detail {

// A corrupt or hostile header must not make us allocate gigabytes: 16384² RGBA8 is already 1 GiB.
constexpr std::uint32_t kMaxSide = 16384;
constexpr std::uint8_t kPngSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

std::optional<PhotoFormat> sniff_format(ByteView bytes) {
    if (bytes.size() >= 8 && std::memcmp(bytes.data(), kPngSignature, 8) == 0) return PhotoFormat::Png;
    if (bytes.size() >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF) return PhotoFormat::Jpeg;
    if (bytes.size() >= 12 && std::memcmp(bytes.data(), "RIFF", 4) == 0 && std::memcmp(bytes.data() + 8, "WEBP", 4) == 0)
        return PhotoFormat::Webp;
    return std::nullopt;
}

Status check_side(std::uint64_t width, std::uint64_t height, const std::string& source) {
    if (width == 0 || height == 0) return bad_input(source, "the image has no pixels");
    if (width > kMaxSide || height > kMaxSide)
        return bad_input(source, "the image is " + std::to_string(width) + "x" + std::to_string(height) +
                                     " pixels; photos are read up to " + std::to_string(kMaxSide) + " a side");
    return Ok{};
}

// ---- PNG through libpng ----
// libpng reports errors by longjmp: the functions that call setjmp hold only plain data (no
// destructor may be skipped); the C++ containers live in their callers.

constexpr std::size_t kPngMessageSize = 200;

struct PngWriteJob {
    const std::uint8_t* rows = nullptr;  // packed rows; 16-bit samples big-endian, as PNG stores them
    std::uint32_t width = 0;
    std::uint32_t height = 0;
    std::size_t row_bytes = 0;
    int bit_depth = 8;
    int colour_type = PNG_COLOR_TYPE_RGB;
    png_text* texts = nullptr;
    int text_count = 0;
    Bytes* out = nullptr;
    char message[kPngMessageSize] = {};
};

struct PngReadJob {
    const std::uint8_t* data = nullptr;
    std::size_t size = 0;
    std::size_t offset = 0;
    std::uint32_t width = 0;  // from IHDR, checked before `pixels` was allocated
    std::uint32_t height = 0;
    std::uint8_t* pixels = nullptr;  // width * height * 4
    char message[kPngMessageSize] = {};
};

void png_job_error(png_structp png, png_const_charp message) {
    std::snprintf(static_cast<char*>(png_get_error_ptr(png)), kPngMessageSize, "%s", message);
    png_longjmp(png, 1);
}

void png_job_warning(png_structp, png_const_charp) {}  // warnings (e.g. a bad ancillary CRC) are not errors

void png_job_append(png_structp png, png_bytep data, png_size_t size) {
    auto* job = static_cast<PngWriteJob*>(png_get_io_ptr(png));
    bool ok = true;
    try {
        job->out->insert(job->out->end(), data, data + size);
    } catch (const std::bad_alloc&) {
        ok = false;
    }
    if (!ok) png_error(png, "out of memory");
}

void png_job_flush(png_structp) {}

void png_job_read(png_structp png, png_bytep out, png_size_t size) {
    auto* job = static_cast<PngReadJob*>(png_get_io_ptr(png));
    if (size > job->size - job->offset) png_error(png, "the file ends early (truncated)");
    std::memcpy(out, job->data + job->offset, size);
    job->offset += size;
}

bool png_run_write(PngWriteJob& job) {
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, job.message, &png_job_error, &png_job_warning);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    if (!info) {
        png_destroy_write_struct(&png, nullptr);
        std::snprintf(job.message, kPngMessageSize, "libpng could not start");
        return false;
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        return false;
    }
    png_set_write_fn(png, &job, &png_job_append, &png_job_flush);
    png_set_IHDR(png, info, job.width, job.height, job.bit_depth, job.colour_type, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    // sRGB plus the gAMA/cHRM that readers without sRGB support fall back on (PNG spec 11.3.3.5).
    png_set_sRGB_gAMA_and_cHRM(png, info, PNG_sRGB_INTENT_PERCEPTUAL);
    if (job.text_count > 0) png_set_text(png, info, job.texts, job.text_count);
    png_write_info(png, info);
    for (std::uint32_t y = 0; y < job.height; ++y) png_write_row(png, job.rows + y * job.row_bytes);
    png_write_end(png, nullptr);
    png_destroy_write_struct(&png, &info);
    return true;
}

bool png_run_read(PngReadJob& job) {
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, job.message, &png_job_error, &png_job_warning);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    if (!info) {
        png_destroy_read_struct(&png, nullptr, nullptr);
        std::snprintf(job.message, kPngMessageSize, "libpng could not start");
        return false;
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_read_struct(&png, &info, nullptr);
        return false;
    }
    png_set_read_fn(png, &job, &png_job_read);
    png_set_user_limits(png, kMaxSide, kMaxSide);
    png_read_info(png, info);
    if (png_get_image_width(png, info) != job.width || png_get_image_height(png, info) != job.height)
        png_error(png, "inconsistent IHDR");
    png_set_expand(png);        // palette -> RGB, grey under 8 bits -> 8, tRNS -> alpha
    png_set_scale_16(png);      // 16 -> 8 bits, rounded: v * 255 / 65535
    png_set_gray_to_rgb(png);
    png_set_add_alpha(png, 0xFF, PNG_FILLER_AFTER);  // only where there is no alpha
    const int passes = png_set_interlace_handling(png);
    png_read_update_info(png, info);
    if (png_get_rowbytes(png, info) != std::size_t(job.width) * 4) png_error(png, "unexpected row layout");
    for (int pass = 0; pass < passes; ++pass)
        for (std::uint32_t y = 0; y < job.height; ++y)
            png_read_row(png, job.pixels + std::size_t(y) * job.width * 4, nullptr);
    png_read_end(png, nullptr);  // reads on to IEND: a file cut after its pixels is still truncated
    png_destroy_read_struct(&png, &info, nullptr);
    return true;
}

Result<Bytes> encode_png_rows(const Bytes& rows, std::uint32_t width, std::uint32_t height, int bit_depth,
                              bool alpha, const Metadata& metadata) {
    if (Status s = check_metadata(metadata); !s) return s.error();
    std::vector<png_text> texts(metadata.size());
    for (std::size_t i = 0; i < metadata.size(); ++i) {
        // libpng copies the text and never writes through these pointers.
        texts[i].compression = PNG_ITXT_COMPRESSION_NONE;
        texts[i].key = const_cast<char*>(metadata[i].first.c_str());
        texts[i].text = const_cast<char*>(metadata[i].second.c_str());
        texts[i].itxt_length = metadata[i].second.size();
    }
    Bytes out;
    out.reserve(rows.size() / 2 + 1024);
    PngWriteJob job{.rows = rows.data(),
                    .width = width,
                    .height = height,
                    .row_bytes = rows.size() / height,
                    .bit_depth = bit_depth,
                    .colour_type = alpha ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB,
                    .texts = texts.data(),
                    .text_count = static_cast<int>(texts.size()),
                    .out = &out};
    if (!png_run_write(job)) return failure("", std::string("PNG encoding failed: ") + job.message, "PNG");
    return out;
}

Result<render::Pixels> decode_png(ByteView bytes, const std::string& source) {
    // IHDR must come first (PNG spec 5.6): its size is checked before any pixel memory is taken.
    if (bytes.size() < 33 || std::memcmp(&bytes[12], "IHDR", 4) != 0)
        return bad_input(source, "truncated or malformed PNG: no IHDR header");
    const std::uint32_t width = read_be32(&bytes[16]);
    const std::uint32_t height = read_be32(&bytes[20]);
    if (Status s = check_side(width, height, source); !s) return s.error();
    render::Pixels pixels{width, height, Bytes(std::size_t(width) * height * 4)};
    PngReadJob job{.data = bytes.data(), .size = bytes.size(), .width = width, .height = height,
                   .pixels = pixels.rgba8.data()};
    if (!png_run_read(job)) return bad_input(source, std::string("truncated or malformed PNG: ") + job.message);
    return pixels;
}

// ---- JPEG through TurboJPEG ----

struct TjCloser {
    void operator()(void* handle) const { tjDestroy(handle); }
};
struct TjFreer {
    void operator()(unsigned char* buffer) const { tjFree(buffer); }
};
using TjHandle = std::unique_ptr<void, TjCloser>;

bool is_opaque(const render::Pixels& pixels) {
    for (std::size_t i = 3; i < pixels.rgba8.size(); i += 4)
        if (pixels.rgba8[i] != 255) return false;
    return true;
}

Result<Bytes> encode_jpeg(const render::Pixels& pixels, int quality, const Metadata& metadata) {
    if (!is_opaque(pixels))
        return bad_input("", "the photo has transparent pixels and JPEG has no alpha: use PNG or WebP", "JPEG");
    const std::string comment = jpeg_comment_text(metadata);
    if (comment.size() > 65533) return bad_input("", "the metadata is over the 64 KiB of a JPEG comment", "JPEG");
    const TjHandle tj(tjInitCompress());
    if (!tj) return failure("", "TurboJPEG could not start", "JPEG");
    unsigned char* buffer = nullptr;
    unsigned long size = 0;
    // 4:4:4: no chroma subsampling, so colour edges against the white background stay clean.
    const int rc = tjCompress2(tj.get(), pixels.rgba8.data(), static_cast<int>(pixels.width), 0,
                               static_cast<int>(pixels.height), TJPF_RGBA, &buffer, &size, TJSAMP_444, quality,
                               TJFLAG_ACCURATEDCT);
    const std::unique_ptr<unsigned char, TjFreer> owned(buffer);
    if (rc != 0 || size < 2) return failure("", std::string("JPEG encoding failed: ") + tjGetErrorStr2(tj.get()), "JPEG");
    Bytes out;
    out.reserve(size + comment.size() + 4);
    out.insert(out.end(), buffer, buffer + 2);  // SOI
    if (!comment.empty()) {
        const std::size_t length = comment.size() + 2;
        out.insert(out.end(), {0xFF, 0xFE, std::uint8_t(length >> 8), std::uint8_t(length & 0xFF)});
        out.insert(out.end(), comment.begin(), comment.end());
    }
    out.insert(out.end(), buffer + 2, buffer + size);
    return out;
}

Result<render::Pixels> decode_jpeg(ByteView bytes, const std::string& source) {
    const TjHandle tj(tjInitDecompress());
    if (!tj) return failure(source, "TurboJPEG could not start");
    int width = 0, height = 0, subsampling = 0, colourspace = 0;
    if (tjDecompressHeader3(tj.get(), bytes.data(), bytes.size(), &width, &height, &subsampling, &colourspace) != 0)
        return bad_input(source, std::string("truncated or malformed JPEG: ") + tjGetErrorStr2(tj.get()));
    if (Status s = check_side(std::uint64_t(width), std::uint64_t(height), source); !s) return s.error();
    render::Pixels pixels{std::uint32_t(width), std::uint32_t(height), Bytes(std::size_t(width) * height * 4)};
    // STOPONWARNING: a truncated file ("premature end of data") is an error, not a grey bottom half.
    if (tjDecompress2(tj.get(), bytes.data(), bytes.size(), pixels.rgba8.data(), width, 0, height, TJPF_RGBA,
                      TJFLAG_ACCURATEDCT | TJFLAG_STOPONWARNING) != 0)
        return bad_input(source, std::string("truncated or malformed JPEG: ") + tjGetErrorStr2(tj.get()));
    return pixels;
}

// ---- WebP through libwebp ----

struct WebpPictureFreer {
    void operator()(WebPPicture* picture) const { WebPPictureFree(picture); }
};
struct WebpMuxDeleter {
    void operator()(WebPMux* mux) const { WebPMuxDelete(mux); }
};
using WebpMuxPtr = std::unique_ptr<WebPMux, WebpMuxDeleter>;

Result<Bytes> webp_bitstream(const render::Pixels& pixels, int quality) {
    WebPConfig config;
    WebPPicture picture;
    if (!WebPConfigPreset(&config, WEBP_PRESET_PHOTO, float(quality)) || !WebPPictureInit(&picture))
        return failure("", "libwebp could not start", "WebP");
    if (quality == 100) {
        // Lossless, as WebPEncodeLosslessRGBA (effort 70), but `exact`: the colour under
        // transparent pixels is kept too, so a straight-alpha photo round-trips bit for bit.
        config.lossless = 1;
        config.quality = 70;
        config.exact = 1;
    } else {
        config.use_sharp_yuv = 1;  // sharper colour edges from the 4:2:0 conversion
    }
    const std::unique_ptr<WebPPicture, WebpPictureFreer> picture_owner(&picture);
    picture.use_argb = config.lossless;
    picture.width = static_cast<int>(pixels.width);
    picture.height = static_cast<int>(pixels.height);
    const int stride = picture.width * 4;
    const int imported = is_opaque(pixels) ? WebPPictureImportRGBX(&picture, pixels.rgba8.data(), stride)
                                           : WebPPictureImportRGBA(&picture, pixels.rgba8.data(), stride);
    WebPMemoryWriter writer;
    WebPMemoryWriterInit(&writer);
    picture.writer = WebPMemoryWrite;
    picture.custom_ptr = &writer;
    const bool encoded = imported && WebPEncode(&config, &picture);
    Bytes out(writer.mem, writer.mem + writer.size);
    WebPMemoryWriterClear(&writer);
    if (!encoded) {
        const std::string why = picture.error_code == VP8_ENC_ERROR_BAD_DIMENSION
                                    ? "the photo is larger than WebP's 16383 pixels a side"
                                    : "libwebp error " + std::to_string(int(picture.error_code));
        return failure("", "WebP encoding failed: " + why, "WebP");
    }
    return out;
}

Result<Bytes> encode_webp(const render::Pixels& pixels, int quality, const Metadata& metadata) {
    Result<Bytes> image = webp_bitstream(pixels, quality);
    if (!image || metadata.empty()) return image;
    const std::string xmp = xmp_packet(metadata);
    const WebPData image_data{image->data(), image->size()};
    const WebPData xmp_data{reinterpret_cast<const std::uint8_t*>(xmp.data()), xmp.size()};
    const WebpMuxPtr mux(WebPMuxNew());
    WebPData assembled;
    WebPDataInit(&assembled);
    if (!mux || WebPMuxSetImage(mux.get(), &image_data, 1) != WEBP_MUX_OK ||
        WebPMuxSetChunk(mux.get(), "XMP ", &xmp_data, 1) != WEBP_MUX_OK ||
        WebPMuxAssemble(mux.get(), &assembled) != WEBP_MUX_OK) {
        WebPDataClear(&assembled);
        return failure("", "WebP metadata could not be added", "WebP");
    }
    Bytes out(assembled.bytes, assembled.bytes + assembled.size);
    WebPDataClear(&assembled);
    return out;
}

// The RIFF header says how long the file is: less than that on disk is a truncated file, even
// when only the trailing metadata is missing.
Status check_riff_size(ByteView bytes, const std::string& source) {
    const std::uint64_t riff = std::uint64_t(bytes[4]) | std::uint64_t(bytes[5]) << 8 |
                               std::uint64_t(bytes[6]) << 16 | std::uint64_t(bytes[7]) << 24;
    if (riff + 8 > bytes.size()) return bad_input(source, "truncated WebP: the file ends early");
    return Ok{};
}

Result<render::Pixels> decode_webp(ByteView bytes, const std::string& source) {
    if (Status s = check_riff_size(bytes, source); !s) return s.error();
    WebPBitstreamFeatures features;
    if (WebPGetFeatures(bytes.data(), bytes.size(), &features) != VP8_STATUS_OK)
        return bad_input(source, "truncated or malformed WebP: unreadable header");
    if (features.has_animation) return bad_input(source, "an animated WebP is not a photo");
    if (Status s = check_side(std::uint64_t(features.width), std::uint64_t(features.height), source); !s)
        return s.error();
    const auto width = std::uint32_t(features.width);
    const auto height = std::uint32_t(features.height);
    render::Pixels pixels{width, height, Bytes(std::size_t(width) * height * 4)};
    if (!WebPDecodeRGBAInto(bytes.data(), bytes.size(), pixels.rgba8.data(), pixels.rgba8.size(), int(width) * 4))
        return bad_input(source, "truncated or malformed WebP: the image data cannot be decoded");
    return pixels;
}

Result<Metadata> webp_xmp_metadata(ByteView bytes, const std::string& source) {
    const WebPData data{bytes.data(), bytes.size()};
    const WebpMuxPtr mux(WebPMuxCreate(&data, 0));
    if (!mux) return bad_input(source, "truncated or malformed WebP");
    WebPData xmp;
    if (WebPMuxGetChunk(mux.get(), "XMP ", &xmp) != WEBP_MUX_OK) return Metadata{};
    return parse_xmp({reinterpret_cast<const char*>(xmp.bytes), xmp.size});
}

// ---- Shared checks ----

Status check_pixels(const render::Pixels& pixels) {
    const std::size_t count = std::size_t(pixels.width) * pixels.height;
    if (count == 0 || pixels.rgba8.size() != count * 4) return failure("", "no pixels to write");
    return Ok{};
}

Status check_options(const EncodeOptions& options) {
    if (options.quality < 1 || options.quality > 100)
        return bad_input("", "quality " + std::to_string(options.quality) + " is not between 1 and 100");
    if (options.png_bits != 8 && options.png_bits != 16)
        return bad_input("", "PNG bits " + std::to_string(options.png_bits) + " is not 8 or 16");
    return check_metadata(options.metadata);
}

Result<Bytes> encode_png8(const render::Pixels& pixels, const Metadata& metadata) {
    const bool alpha = !is_opaque(pixels);
    const std::size_t count = std::size_t(pixels.width) * pixels.height;
    if (alpha) return encode_png_rows(pixels.rgba8, pixels.width, pixels.height, 8, true, metadata);
    Bytes rgb(count * 3);
    for (std::size_t i = 0; i < count; ++i)
        for (std::size_t c = 0; c < 3; ++c) rgb[i * 3 + c] = pixels.rgba8[i * 4 + c];
    return encode_png_rows(rgb, pixels.width, pixels.height, 8, false, metadata);
}

Error with_file(Error error, const std::filesystem::path& path) {
    error.file = path.string();
    return error;
}

}  // namespace image_io_detail

Result<PhotoFormat> photo_format(std::string_view name, const std::string& source) {
    if (name == "png") return PhotoFormat::Png;
    if (name == "jpeg" || name == "jpg") return PhotoFormat::Jpeg;
    if (name == "webp") return PhotoFormat::Webp;
    return bad_input(source, "'" + std::string(name) + "' is not a photo format (png, jpeg or webp)");
}

std::string_view format_name(PhotoFormat format) {
    switch (format) {
        case PhotoFormat::Png: return "png";
        case PhotoFormat::Jpeg: return "jpeg";
        case PhotoFormat::Webp: return "webp";
    }
    return "png";
}

std::string_view format_extension(PhotoFormat format) {
    switch (format) {
        case PhotoFormat::Png: return ".png";
        case PhotoFormat::Jpeg: return ".jpg";
        case PhotoFormat::Webp: return ".webp";
    }
    return ".png";
}

Pixels16 widen(const render::Pixels& pixels) {
    Pixels16 wide{pixels.width, pixels.height, std::vector<std::uint16_t>(pixels.rgba8.size())};
    for (std::size_t i = 0; i < pixels.rgba8.size(); ++i) wide.rgba16[i] = std::uint16_t(pixels.rgba8[i] * 257);
    return wide;
}

Result<std::vector<std::uint8_t>> encode_photo(const render::Pixels& pixels, const EncodeOptions& options) {
    using namespace image_io_detail;
    if (Status s = check_pixels(pixels); !s) return s.error();
    if (Status s = check_options(options); !s) return s.error();
    switch (options.format) {
        case PhotoFormat::Png:
            if (options.png_bits != 16) return encode_png8(pixels, options.metadata);
            // The photo's own 16 bits where it was made with them; else its 8 bits, widened.
            return encode_png16(pixels.rgba16.size() == pixels.rgba8.size()
                                    ? Pixels16{pixels.width, pixels.height, pixels.rgba16}
                                    : widen(pixels),
                                options);
        case PhotoFormat::Jpeg: return encode_jpeg(pixels, options.quality, options.metadata);
        case PhotoFormat::Webp: return encode_webp(pixels, options.quality, options.metadata);
    }
    return failure("", "unknown photo format");
}

Result<std::vector<std::uint8_t>> encode_png16(const Pixels16& pixels, const EncodeOptions& options) {
    using namespace image_io_detail;
    const std::size_t count = std::size_t(pixels.width) * pixels.height;
    if (count == 0 || pixels.rgba16.size() != count * 4) return failure("", "no pixels to write");
    bool alpha = false;
    for (std::size_t i = 3; i < pixels.rgba16.size() && !alpha; i += 4) alpha = pixels.rgba16[i] != 65535;
    const std::size_t channels = alpha ? 4 : 3;
    Bytes rows(count * channels * 2);
    std::uint8_t* out = rows.data();
    for (std::size_t i = 0; i < count; ++i)
        for (std::size_t c = 0; c < channels; ++c) {
            const std::uint16_t v = pixels.rgba16[i * 4 + c];
            *out++ = std::uint8_t(v >> 8);  // PNG samples are big-endian
            *out++ = std::uint8_t(v & 0xFF);
        }
    return encode_png_rows(rows, pixels.width, pixels.height, 16, alpha, options.metadata);
}

Status write_photo(const std::filesystem::path& path, const render::Pixels& pixels, const EncodeOptions& options) {
    Result<std::vector<std::uint8_t>> encoded = encode_photo(pixels, options);
    if (!encoded) return image_io_detail::with_file(encoded.error(), path);
    return write_file_atomic(path, *encoded);
}

Status write_png16(const std::filesystem::path& path, const Pixels16& pixels, const EncodeOptions& options) {
    Result<std::vector<std::uint8_t>> encoded = encode_png16(pixels, options);
    if (!encoded) return image_io_detail::with_file(encoded.error(), path);
    return write_file_atomic(path, *encoded);
}

Result<render::Pixels> decode_photo(std::span<const std::uint8_t> bytes, const std::string& source) {
    using namespace image_io_detail;
    if (bytes.empty()) return bad_input(source, "the file is empty");
    const std::optional<PhotoFormat> format = sniff_format(bytes);
    if (!format) return bad_input(source, "not a PNG, JPEG or WebP file");
    switch (*format) {
        case PhotoFormat::Png: return decode_png(bytes, source);
        case PhotoFormat::Jpeg: return decode_jpeg(bytes, source);
        case PhotoFormat::Webp: return decode_webp(bytes, source);
    }
    return bad_input(source, "not a PNG, JPEG or WebP file");
}

Result<std::vector<std::pair<std::string, std::string>>> photo_metadata(std::span<const std::uint8_t> bytes,
                                                                       const std::string& source) {
    using namespace image_io_detail;
    const std::optional<PhotoFormat> format = sniff_format(bytes);
    if (!format) return bad_input(source, bytes.empty() ? "the file is empty" : "not a PNG, JPEG or WebP file");
    switch (*format) {
        case PhotoFormat::Png: return png_text_chunks(bytes);
        case PhotoFormat::Jpeg: return jpeg_comments(bytes);
        case PhotoFormat::Webp: return webp_xmp_metadata(bytes, source);
    }
    return Metadata{};
}

Result<render::Pixels> read_photo(const std::filesystem::path& path) {
    Result<std::vector<std::uint8_t>> bytes = read_file(path);
    if (!bytes) return bytes.error();
    return decode_photo(*bytes, path.string());
}

Result<std::vector<std::pair<std::string, std::string>>> read_photo_metadata(const std::filesystem::path& path) {
    Result<std::vector<std::uint8_t>> bytes = read_file(path);
    if (!bytes) return bytes.error();
    return photo_metadata(*bytes, path.string());
}

}  // namespace ocop::photo
