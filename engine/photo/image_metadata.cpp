#include "photo/image_metadata.h"

#include <algorithm>
#include <cstring>
#include <iterator>

namespace ocop::photo::image_io_detail {

std::uint32_t read_be32(const std::uint8_t* p) {
    return std::uint32_t(p[0]) << 24 | std::uint32_t(p[1]) << 16 | std::uint32_t(p[2]) << 8 | p[3];
}

bool is_key_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_key_char(char c) { return is_key_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.'; }

// A PNG keyword (1..79 Latin-1 characters) and an XML element name at once.
bool valid_key(std::string_view key) {
    return !key.empty() && key.size() <= 79 && is_key_start(key[0]) && std::all_of(key.begin(), key.end(), is_key_char);
}

// Well-formed UTF-8 sequences (lead byte and continuations), no control characters but tab and
// line feed: what iTXt, XML and our "key=value" lines can all carry.
bool valid_value(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 && c != '\t' && c != '\n') return false;
        if (c == 0x7F) return false;
        const int extra = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : -1;
        if (extra < 0 || text.size() - i <= std::size_t(extra)) return false;
        for (int k = 1; k <= extra; ++k)
            if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
        i += std::size_t(extra) + 1;
    }
    return true;
}

Status check_metadata(const Metadata& metadata) {
    for (const auto& [key, value] : metadata) {
        if (!valid_key(key))
            return bad_input("", "'" + key + "' is not a metadata key (a letter, then letters, digits, _ - .)",
                             "metadata");
        if (!valid_value(value))
            return bad_input("", "the value of '" + key + "' is not UTF-8 text without control characters",
                             "metadata");
    }
    return Ok{};
}

// JPEG COM: one "key=value" line each; '\' and line feeds in values escaped.
std::string jpeg_comment_text(const Metadata& metadata) {
    std::string text;
    for (const auto& [key, value] : metadata) {
        text += key + '=';
        for (const char c : value) text += c == '\\' ? "\\\\" : c == '\n' ? "\\n" : std::string(1, c);
        text += '\n';
    }
    return text;
}

Metadata parse_jpeg_comment(std::string_view text) {
    Metadata metadata;
    while (!text.empty()) {
        const std::size_t end = std::min(text.find('\n'), text.size());
        const std::string_view line = text.substr(0, end);
        text.remove_prefix(std::min(end + 1, text.size()));
        const std::size_t equals = line.find('=');
        if (equals == std::string_view::npos || !valid_key(line.substr(0, equals))) continue;
        std::string value;
        for (std::size_t i = equals + 1; i < line.size(); ++i) {
            const bool escaped = line[i] == '\\' && i + 1 < line.size();
            if (escaped) ++i;
            value += escaped && line[i] == 'n' ? '\n' : line[i];
        }
        metadata.emplace_back(std::string(line.substr(0, equals)), std::move(value));
    }
    return metadata;
}

std::string xml_escape(std::string_view text) {
    std::string out;
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string xml_unescape(std::string_view text) {
    static constexpr std::pair<std::string_view, char> kEntities[] = {
        {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        const auto* entity = std::end(kEntities);
        if (text[i] == '&')
            entity = std::find_if(std::begin(kEntities), std::end(kEntities),
                                  [&](const auto& e) { return text.substr(i).starts_with(e.first); });
        if (entity != std::end(kEntities)) {
            out += entity->second;
            i += entity->first.size();
        } else {
            out += text[i++];
        }
    }
    return out;
}

// A minimal XMP packet (ISO 16684-1): one ocop:KEY property each in a single rdf:Description.
std::string xmp_packet(const Metadata& metadata) {
    std::string xmp =
        "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
        " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
        "  <rdf:Description rdf:about=\"\" xmlns:ocop=\"urn:ocop:photo:1\">\n";
    for (const auto& [key, value] : metadata)
        xmp += "   <ocop:" + key + ">" + xml_escape(value) + "</ocop:" + key + ">\n";
    xmp += "  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>";
    return xmp;
}

// Reads back what xmp_packet wrote (not a general XML parser).
Metadata parse_xmp(std::string_view xmp) {
    Metadata metadata;
    constexpr std::string_view kOpen = "<ocop:";
    for (std::size_t at = xmp.find(kOpen); at != std::string_view::npos; at = xmp.find(kOpen, at)) {
        at += kOpen.size();
        const std::size_t close = xmp.find('>', at);
        if (close == std::string_view::npos) break;
        const std::string_view key = xmp.substr(at, close - at);
        if (!valid_key(key)) continue;
        const std::string end_tag = "</ocop:" + std::string(key) + ">";
        const std::size_t end = xmp.find(end_tag, close);
        if (end == std::string_view::npos) break;
        metadata.emplace_back(std::string(key), xml_unescape(xmp.substr(close + 1, end - close - 1)));
        at = end + end_tag.size();
    }
    return metadata;
}

std::string latin1_to_utf8(std::string_view text) {
    std::string out;
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x80) {
            out += c;
        } else {
            out += static_cast<char>(0xC0 | (u >> 6));
            out += static_cast<char>(0x80 | (u & 0x3F));
        }
    }
    return out;
}

// PNG text chunks, walked by hand: iTXt (UTF-8, uncompressed: what we write) and tEXt (Latin-1).
Metadata png_text_chunks(ByteView bytes) {
    Metadata metadata;
    for (std::size_t at = 8; bytes.size() - at >= 12;) {
        const std::uint32_t length = read_be32(&bytes[at]);
        if (length > bytes.size() - at - 12) break;
        const std::string_view type(reinterpret_cast<const char*>(&bytes[at + 4]), 4);
        const std::string_view data(reinterpret_cast<const char*>(&bytes[at + 8]), length);
        at += 12 + std::size_t(length);
        const std::size_t key_end = data.find('\0');
        if (key_end == std::string_view::npos || !valid_key(data.substr(0, key_end))) continue;
        const std::string key(data.substr(0, key_end));
        if (type == "tEXt") {
            metadata.emplace_back(key, latin1_to_utf8(data.substr(key_end + 1)));
        } else if (type == "iTXt" && data.size() >= key_end + 3 && data[key_end + 1] == 0) {
            const std::size_t lang_end = data.find('\0', key_end + 3);
            const std::size_t translated_end =
                lang_end == std::string_view::npos ? lang_end : data.find('\0', lang_end + 1);
            if (translated_end != std::string_view::npos)
                metadata.emplace_back(key, std::string(data.substr(translated_end + 1)));
        } else if (type == "IEND") {
            break;
        }
    }
    return metadata;
}

// JPEG COM segments before the first scan.
Metadata jpeg_comments(ByteView bytes) {
    Metadata metadata;
    for (std::size_t at = 2; bytes.size() - at >= 4 && bytes[at] == 0xFF;) {
        const std::uint8_t marker = bytes[at + 1];
        if (marker == 0xFF) {  // fill byte
            ++at;
            continue;
        }
        if (marker == 0xDA || marker == 0xD9) break;  // start of scan, end of image
        const std::size_t length = std::size_t(bytes[at + 2]) << 8 | bytes[at + 3];
        if (length < 2 || length > bytes.size() - at - 2) break;
        if (marker == 0xFE) {
            Metadata lines = parse_jpeg_comment({reinterpret_cast<const char*>(&bytes[at + 4]), length - 2});
            metadata.insert(metadata.end(), lines.begin(), lines.end());
        }
        at += 2 + length;
    }
    return metadata;
}

}  // namespace ocop::photo::image_io_detail
