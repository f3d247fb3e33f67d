// A centre being edited: its file, its undo history, the saved state, and autosave. The undo
// history keeps whole-centre snapshots: a centre is a few kilobytes, and a snapshot cannot get
// out of step with the centre the way inverse commands can. CPU only; the app's window is a
// function of this state (Dear ImGui style), so everything here is tested without one.
#pragma once

#include <cstddef>
#include <deque>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "scene/centre.h"

namespace ocop::studio {

class Document {
public:
    static constexpr std::size_t kMaxUndo = 500;  // undo steps kept; the oldest go first

    static Result<Document> open(const std::filesystem::path& path);  // load_centre
    explicit Document(scene::Centre centre);  // centre.source is the file it saves to
    const scene::Centre& centre() const { return centre_; }
    const std::filesystem::path& path() const { return centre_.source; }  // == centre().source

    // Every edit goes through here: `edit` changes a copy; when it returns ok and the copy differs,
    // the copy becomes the centre and the previous state goes on the undo stack under `label`
    // (the redo stack is cleared). On error nothing changes and the error is returned. The copy
    // must stay schema-valid (edits.h, check_schema) and keep its `source`, or it is refused.
    Status apply(std::string label, const std::function<Status(scene::Centre&)>& edit);
    // A mouse drag applies many small edits; between begin_gesture and end_gesture they make one
    // undo step (labelled by the first apply inside it). Gestures nest; a drag that ends where it
    // began leaves no step. An undo or redo inside a gesture ends its step.
    void begin_gesture();
    void end_gesture();
    bool in_gesture() const { return gesture_depth_ > 0; }

    bool can_undo() const { return !undo_.empty(); }
    bool can_redo() const { return !redo_.empty(); }
    std::string undo_label() const;  // "" when none
    std::string redo_label() const;
    bool undo();  // false when there was nothing to do
    bool redo();
    std::size_t history_size() const { return undo_.size(); }
    std::size_t redo_size() const { return redo_.size(); }

    bool dirty() const { return centre_ != saved_; }  // differs from the file as last opened or saved
    // Atomic (save_centre); then dirty() is false and the autosave is removed.
    Status save();
    // The document now lives at `path`: the catalogue, brand and HDR paths are rewritten relative
    // to its new folder (in the undo history too), and the old file's autosave is removed.
    Status save_as(const std::filesystem::path& path);

    // Autosave: "<file>.autosave" beside the file (e.g. phu-nghia.centre.json.autosave), written
    // atomically. autosave() writes only when the centre changed since the last autosave or save;
    // when the centre is back to the saved state it removes the autosave instead.
    std::filesystem::path autosave_path() const { return autosave_path_for(path()); }
    static std::filesystem::path autosave_path_for(const std::filesystem::path& path);
    Status autosave();
    // After a crash: the autosave of `path` when it exists and holds a different centre than the
    // file (or cannot be read as one: recover() then says why).
    static std::optional<std::filesystem::path> recovery_for(const std::filesystem::path& path);
    // Opens `path` and applies the autosave's centre as one undoable edit ("Recover unsaved
    // changes"): dirty until saved; undo returns to the file's state. A corrupt autosave is an
    // error naming it (the file itself still opens with open()).
    static Result<Document> recover(const std::filesystem::path& path);

private:
    struct Step {
        std::string label;
        scene::Centre centre;  // the state to go back (undo) or forward (redo) to
    };

    scene::Centre centre_;
    scene::Centre saved_;                     // as last opened or saved
    scene::Centre autosaved_;                 // as last autosaved or saved (or opened)
    std::deque<Step> undo_;
    std::vector<Step> redo_;
    int gesture_depth_ = 0;
    bool gesture_step_ = false;  // the current gesture has pushed its undo step
};

}  // namespace ocop::studio
