// Output files: see include/brink/output_file.h for what is written where and why.
#include "brink/output_file.h"
#include "report/temp_name.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace brink {
namespace {

// Enough attempts that only a deliberate flood of planted names makes a named temp file fail.
constexpr int kTempNameAttempts = 1000;

bool SameFile(const struct stat& a, const struct stat& b) {
  return a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

bool StdoutIs(const struct stat& st) {
  struct stat out;
  return fstat(STDOUT_FILENO, &out) == 0 && SameFile(out, st);
}

// What a path names, after following symlinks.
struct Target {
  enum Kind { kMissing, kRegular, kStdout, kStream } kind = kMissing;
  std::string resolved;  // for files: the path to replace (a named symlink resolved)
  mode_t mode = 0;       // a regular file's permission bits, kept on replacement
};

Result<Target> Classify(const std::string& path) {
  if (path.empty()) return Status::Error("the output path is empty");
  Target t;
  t.resolved = path;
  if (path == "-") {
    t.kind = Target::kStdout;
    return t;
  }
  struct stat st;
  if (stat(path.c_str(), &st) != 0) {
    if (errno != ENOENT) return Status::Error(fmt::format("{}: {}", path, std::strerror(errno)));
    if (lstat(path.c_str(), &st) == 0) {
      return Status::Error(fmt::format("{}: is a symbolic link to a missing file", path));
    }
    return t;
  }
  if (StdoutIs(st)) {
    t.kind = Target::kStdout;
  } else if (S_ISREG(st.st_mode)) {
    t.kind = Target::kRegular;
    t.mode = st.st_mode & 07777;
    struct stat link;
    if (lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
      char real[PATH_MAX];
      if (!realpath(path.c_str(), real)) {
        return Status::Error(fmt::format("{}: {}", path, std::strerror(errno)));
      }
      t.resolved = real;
    }
  } else if (S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode)) {
    t.kind = Target::kStream;
  } else if (S_ISDIR(st.st_mode)) {
    return Status::Error(fmt::format("{}: is a directory; expected a file path", path));
  } else {
    return Status::Error(fmt::format(
        "{}: is not a regular file, a pipe or a character device; refusing to write to it", path));
  }
  return t;
}

std::string DirectoryOf(const std::string& path) {
  std::filesystem::path parent = std::filesystem::path(path).parent_path();
  return parent.empty() ? "." : parent.string();
}

// Writes all of `text` to `fd`, through interruptions and short writes.
int WriteAll(int fd, std::string_view text) {
  while (!text.empty()) {
    ssize_t n = ::write(fd, text.data(), text.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    text.remove_prefix(static_cast<std::size_t>(n));
  }
  return 0;
}

}  // namespace

bool IsStandardOutput(const std::string& path) {
  Result<Target> t = Classify(path);
  return t.ok() && t.value().kind == Target::kStdout;
}

Status CheckWritable(const std::string& path) {
  Result<Target> t = Classify(path);
  if (!t.ok()) return Status::Error(t.message());
  if (t.value().kind == Target::kStdout || t.value().kind == Target::kStream) return {};
  std::string dir = DirectoryOf(t.value().resolved);
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    return Status::Error(fmt::format("{}: the directory '{}' does not exist", path, dir));
  }
  if (access(dir.c_str(), W_OK) != 0) {
    return Status::Error(fmt::format("{}: cannot write in '{}': {}", path, dir, std::strerror(errno)));
  }
  // A read-only file is the user's "do not overwrite", even though the folder would allow it.
  if (t.value().kind == Target::kRegular && access(t.value().resolved.c_str(), W_OK) != 0) {
    return Status::Error(fmt::format("{}: the file cannot be overwritten: {}", path, std::strerror(errno)));
  }
  return {};
}

OutputFile::~OutputFile() { Discard(); }

void OutputFile::Discard() {
  if (fd_ >= 0 && kind_ != Kind::kStdout) ::close(fd_);
  fd_ = -1;
  if (!temp_name_.empty()) unlinkat(dir_fd_, temp_name_.c_str(), 0);
  temp_name_.clear();
  if (dir_fd_ >= 0) ::close(dir_fd_);
  dir_fd_ = -1;
  kind_ = Kind::kNone;
}

Status OutputFile::Fail(std::string what, int error) {
  Discard();
  return Status::Error(fmt::format("{}: {}: {}", path_, what, std::strerror(error)));
}

Status OutputFile::Open(const std::string& path) {
  Discard();
  path_ = path;
  error_.clear();
  Result<Target> t = Classify(path);
  if (!t.ok()) return Status::Error(t.message());
  const Target& target = t.value();
  if (target.kind == Target::kStdout) {
    std::fflush(stdout);
    kind_ = Kind::kStdout;
    fd_ = STDOUT_FILENO;
    return {};
  }
  if (target.kind == Target::kStream) {
    // No O_CREAT and no O_TRUNC: a pipe or device is written as it is, never created.
    fd_ = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
    if (fd_ < 0) return Fail("cannot open", errno);
    kind_ = Kind::kStream;
    struct stat st;
    if (fstat(fd_, &st) != 0) return Fail("cannot open", errno);
    if (S_ISREG(st.st_mode)) return Fail("changed into a regular file while opening", EBUSY);
    return {};
  }
  kind_ = Kind::kFile;
  const std::string dir = DirectoryOf(target.resolved);
  base_ = std::filesystem::path(target.resolved).filename().string();
  dir_fd_ = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd_ < 0) return Fail(fmt::format("cannot open the directory '{}'", dir), errno);
  // New files get 0666 less the umask, as any shell redirection would.
  if (temp_ == Temp::kUnnamed) fd_ = openat(dir_fd_, ".", O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
  if (fd_ < 0) {
    if (temp_ == Temp::kUnnamed && errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL) {
      return Fail("cannot create a temporary file", errno);
    }
    for (int attempt = 0; fd_ < 0 && attempt < kTempNameAttempts; ++attempt) {
      std::string name = TempName(base_, "tmp", attempt);
      fd_ = openat(dir_fd_, name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
      if (fd_ >= 0) temp_name_ = name;
      else if (errno != EEXIST) return Fail("cannot create a temporary file", errno);
    }
    if (fd_ < 0) return Fail("cannot create a temporary file", EEXIST);
  }
  if (target.kind == Target::kRegular && fchmod(fd_, target.mode) != 0) {
    return Fail("cannot keep the file's mode", errno);
  }
  return {};
}

Status OutputFile::Write(std::string_view text) {
  if (kind_ == Kind::kNone) return Status::Error(fmt::format("{}: not open", path_));
  if (!error_.empty()) return Status::Error(error_);
  if (kind_ == Kind::kStdout) std::fflush(stdout);
  if (int error = WriteAll(fd_, text); error != 0) {
    error_ = fmt::format("{}: cannot write: {}", path_, std::strerror(error));
    return Status::Error(error_);
  }
  return {};
}

Status OutputFile::Commit() {
  if (!error_.empty()) {
    std::string error = error_;
    Discard();
    return Status::Error(error);
  }
  // Ctrl-C while the output was being made: the target stays as it was.
  if (cancel_ && cancel_->load() && kind_ == Kind::kFile) {
    Discard();
    return Status::Error(fmt::format("{}: interrupted; the file was not written", path_));
  }
  if (kind_ == Kind::kNone) return Status::Error(fmt::format("{}: not open", path_));
  if (kind_ != Kind::kFile) {
    if (kind_ == Kind::kStream && ::close(fd_) != 0) {
      fd_ = -1;
      return Fail("cannot write", errno);
    }
    fd_ = -1;
    kind_ = Kind::kNone;
    return {};
  }
  if (fsync(fd_) != 0) return Fail("cannot write", errno);
  if (temp_name_.empty()) {
    // Give the unnamed file a fresh name: linkat never follows or replaces an existing name.
    const std::string proc = fmt::format("/proc/self/fd/{}", fd_);
    for (int attempt = 0; temp_name_.empty() && attempt < kTempNameAttempts; ++attempt) {
      std::string name = TempName(base_, "tmp", attempt);
      if (linkat(AT_FDCWD, proc.c_str(), dir_fd_, name.c_str(), AT_SYMLINK_FOLLOW) == 0) {
        temp_name_ = name;
      } else if (errno != EEXIST) {
        return Fail("cannot name the temporary file", errno);
      }
    }
    if (temp_name_.empty()) return Fail("cannot name the temporary file", EEXIST);
  }
  if (::close(fd_) != 0) {
    fd_ = -1;
    return Fail("cannot write", errno);
  }
  fd_ = -1;
  if (renameat(dir_fd_, temp_name_.c_str(), dir_fd_, base_.c_str()) != 0) {
    return Fail("cannot replace", errno);
  }
  temp_name_.clear();
  // The rename is durable only once the folder is.
  int error = fsync(dir_fd_) == 0 ? 0 : errno;
  Discard();
  if (error != 0 && error != EINVAL) {
    return Status::Error(fmt::format("{}: cannot sync its directory: {}", path_, std::strerror(error)));
  }
  return {};
}

Status WriteFileAtomically(const std::string& path, std::string_view content, OutputFile::Temp temp,
                           const std::atomic<bool>* cancel) {
  OutputFile out(temp);
  out.CancelOn(cancel);
  if (Status st = out.Open(path); !st.ok()) return st;
  if (Status st = out.Write(content); !st.ok()) return st;
  return out.Commit();
}

}  // namespace brink
