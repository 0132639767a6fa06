#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "brink/report.h"

namespace brink {
namespace {

std::string DirectoryOf(const std::string& path) {
  std::filesystem::path parent = std::filesystem::path(path).parent_path();
  return parent.empty() ? "." : parent.string();
}

}  // namespace

Status CheckWritable(const std::string& path) {
  if (path.empty()) return Status::Error("the output path is empty");
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return Status::Error(fmt::format("{}: is a directory; expected a file path", path));
  }
  std::string dir = DirectoryOf(path);
  if (!std::filesystem::is_directory(dir, ec)) {
    return Status::Error(fmt::format("{}: the directory '{}' does not exist", path, dir));
  }
  if (access(dir.c_str(), W_OK) != 0) {
    return Status::Error(fmt::format("{}: cannot write in '{}': {}", path, dir, std::strerror(errno)));
  }
  if (std::filesystem::exists(path, ec) && access(path.c_str(), W_OK) != 0) {
    return Status::Error(fmt::format("{}: the file cannot be overwritten: {}", path, std::strerror(errno)));
  }
  return {};
}

Status WriteFileAtomically(const std::string& path, const std::string& content) {
  std::string temp = fmt::format("{}.tmp-{}", path, getpid());
  std::FILE* out = std::fopen(temp.c_str(), "wb");
  if (!out) return Status::Error(fmt::format("{}: cannot create: {}", temp, std::strerror(errno)));
  bool ok = std::fwrite(content.data(), 1, content.size(), out) == content.size();
  ok = (std::fflush(out) == 0) && ok;
  ok = (fsync(fileno(out)) == 0) && ok;
  ok = (std::fclose(out) == 0) && ok;
  if (!ok || std::rename(temp.c_str(), path.c_str()) != 0) {
    std::string reason = std::strerror(errno);
    std::remove(temp.c_str());
    return Status::Error(fmt::format("{}: cannot write: {}", path, reason));
  }
  return {};
}

}  // namespace brink
