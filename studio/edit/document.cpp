// Document: the edit history as whole-centre snapshots, saving, autosave and recovery.
#include "edit/document.h"

#include <cstdint>
#include <string_view>
#include <system_error>
#include <utility>

#include "core/files.h"
#include "edit/edits.h"

namespace ocop::studio {

namespace fs = std::filesystem;

namespace {

constexpr std::uint64_t kMaxAutosaveBytes = 16ull << 20;  // as load_centre's limit

// A path the centre names relative to its folder, rewritten for a centre file in `to_dir`.
void document_rebase(std::string& relative, const fs::path& from_dir, const fs::path& to_dir) {
    if (relative.empty() || fs::path(relative).is_absolute()) return;
    const fs::path target = (from_dir / relative).lexically_normal();
    const fs::path rebased = target.lexically_relative(to_dir);
    relative = rebased.empty() ? target.generic_string() : rebased.generic_string();
}

// The centre as it will be once saved at `to`: its source, and the paths it names (catalogue,
// brand, HDR) still finding the same files from the new folder.
void document_relocate(scene::Centre& centre, const fs::path& to) {
    std::error_code ec;
    const fs::path from_dir = fs::absolute(centre.source, ec).parent_path().lexically_normal();
    const fs::path to_dir = fs::absolute(to, ec).parent_path().lexically_normal();
    if (from_dir != to_dir) {
        document_rebase(centre.catalogue, from_dir, to_dir);
        document_rebase(centre.brand, from_dir, to_dir);
        document_rebase(centre.environment.hdr, from_dir, to_dir);
    }
    centre.source = to;
}

void document_remove_file(const fs::path& path) {
    std::error_code ec;  // nothing to remove, or a folder we may not touch: the save itself stands
    fs::remove(path, ec);
}

}  // namespace

Document::Document(scene::Centre centre) : centre_(std::move(centre)), saved_(centre_), autosaved_(centre_) {}

Result<Document> Document::open(const fs::path& path) {
    Result<scene::Centre> centre = scene::load_centre(path);
    if (!centre) return centre.error();
    return Document(std::move(centre).value());
}

Status Document::apply(std::string label, const std::function<Status(scene::Centre&)>& edit) {
    scene::Centre edited = centre_;
    if (Status s = edit(edited); !s) return s;
    if (edited == centre_) return Ok{};
    if (edited.source != centre_.source)
        return bad_input(centre_.source.string(), "An edit cannot move the centre to another file: use Save As.");
    if (Status s = check_schema(edited); !s) return s;
    if (gesture_depth_ > 0 && gesture_step_) {
        centre_ = std::move(edited);  // the gesture's step already holds the state before it
        return Ok{};
    }
    undo_.push_back({std::move(label), std::move(centre_)});
    while (undo_.size() > kMaxUndo) undo_.pop_front();
    redo_.clear();
    centre_ = std::move(edited);
    gesture_step_ = gesture_depth_ > 0;
    return Ok{};
}

void Document::begin_gesture() {
    if (gesture_depth_++ == 0) gesture_step_ = false;
}

void Document::end_gesture() {
    if (gesture_depth_ == 0) return;
    if (--gesture_depth_ > 0) return;
    // A drag that came back to where it started changed nothing.
    if (gesture_step_ && !undo_.empty() && undo_.back().centre == centre_) undo_.pop_back();
    gesture_step_ = false;
}

std::string Document::undo_label() const { return undo_.empty() ? std::string() : undo_.back().label; }
std::string Document::redo_label() const { return redo_.empty() ? std::string() : redo_.back().label; }

bool Document::undo() {
    if (undo_.empty()) return false;
    Step step = std::move(undo_.back());
    undo_.pop_back();
    redo_.push_back({step.label, std::move(centre_)});
    centre_ = std::move(step.centre);
    gesture_step_ = false;
    return true;
}

bool Document::redo() {
    if (redo_.empty()) return false;
    Step step = std::move(redo_.back());
    redo_.pop_back();
    undo_.push_back({step.label, std::move(centre_)});
    while (undo_.size() > kMaxUndo) undo_.pop_front();
    centre_ = std::move(step.centre);
    gesture_step_ = false;
    return true;
}

Status Document::save() {
    if (Status s = scene::save_centre(centre_, path()); !s) return s;
    saved_ = centre_;
    autosaved_ = centre_;
    document_remove_file(autosave_path());
    return Ok{};
}

Status Document::save_as(const fs::path& path) {
    if (path.empty()) return bad_input("", "No file name to save the centre to.");
    scene::Centre moved = centre_;
    document_relocate(moved, path);
    if (Status s = scene::save_centre(moved, path); !s) return s;
    const fs::path old_autosave = autosave_path();
    for (Step& step : undo_) document_relocate(step.centre, path);
    for (Step& step : redo_) document_relocate(step.centre, path);
    centre_ = std::move(moved);
    saved_ = centre_;
    autosaved_ = centre_;
    document_remove_file(old_autosave);
    document_remove_file(autosave_path());
    return Ok{};
}

fs::path Document::autosave_path_for(const fs::path& path) {
    fs::path out = path;
    out += ".autosave";
    return out;
}

Status Document::autosave() {
    if (centre_ == autosaved_) return Ok{};
    if (!dirty()) {
        document_remove_file(autosave_path());  // back to the file's state: nothing to recover
        autosaved_ = centre_;
        return Ok{};
    }
    if (Status s = write_file_atomic(autosave_path(), scene::centre_to_json(centre_)); !s) return s;
    autosaved_ = centre_;
    return Ok{};
}

std::optional<fs::path> Document::recovery_for(const fs::path& path) {
    const fs::path autosave = autosave_path_for(path);
    std::error_code ec;
    if (!fs::is_regular_file(autosave, ec)) return std::nullopt;
    Result<std::vector<std::uint8_t>> bytes = read_file(autosave, kMaxAutosaveBytes);
    if (!bytes) return autosave;  // recover() says why
    // Paths in the centre are relative to its folder, which the autosave shares with the file.
    Result<scene::Centre> saved = scene::parse_centre(
        std::string_view(reinterpret_cast<const char*>(bytes->data()), bytes->size()), path);
    if (!saved) return autosave;
    Result<scene::Centre> file = scene::load_centre(path);
    if (file && *file == *saved) return std::nullopt;
    return autosave;
}

Result<Document> Document::recover(const fs::path& path) {
    Result<Document> doc = open(path);
    if (!doc) return doc.error();
    const fs::path autosave = autosave_path_for(path);
    Result<std::vector<std::uint8_t>> bytes = read_file(autosave, kMaxAutosaveBytes);
    if (!bytes) return bytes.error();
    Result<scene::Centre> saved = scene::parse_centre(
        std::string_view(reinterpret_cast<const char*>(bytes->data()), bytes->size()), path);
    if (!saved) {
        Error e = saved.error();
        e.file = autosave.string();
        e.reason = "the autosave cannot be recovered: " + e.reason;
        return e;
    }
    if (Status s = doc->apply("Recover unsaved changes",
                              [&](scene::Centre& c) -> Status {
                                  c = saved.value();
                                  return Ok{};
                              });
        !s)
        return s.error();
    doc->autosaved_ = doc->centre_;  // the autosave already holds it
    return doc;
}

}  // namespace ocop::studio
