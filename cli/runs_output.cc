#include "cli/runs_output.h"

namespace brink::cli {

Status RunsOutput::Open(const std::string& path, std::string_view header) {
  if (path.empty()) return {};
  if (Status st = file_.Open(path); !st.ok()) return st;
  active_ = true;
  buffer_ = header;
  return {};
}

void RunsOutput::Flush(bool always) {
  constexpr std::size_t kPiece = 1 << 20;
  if (!active_ || (!always && buffer_.size() < kPiece)) return;
  // A write error is kept by the file and reported by Commit.
  (void)file_.Write(buffer_);
  buffer_.clear();
}

Status RunsOutput::Commit() {
  if (!active_) return {};
  Flush(true);
  return file_.Commit();
}

}  // namespace brink::cli
