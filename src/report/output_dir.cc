// A set of output files replaced as a whole: see WriteFileSet in include/brink/output_file.h.
#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "brink/output_file.h"
#include "report/temp_name.h"

namespace brink {
namespace {

constexpr int kTempNameAttempts = 1000;

struct Place {
  std::string parent, name;  // the folder's parent and its name there (symlinks resolved)
  bool exists = false;
  mode_t mode = 0;
};

Result<Place> Locate(const std::string& dir) {
  if (dir.empty()) return Status::Error("the output folder is empty");
  // "-" means standard output elsewhere; a set of tables cannot go there, and a folder named
  // "-" is never what was meant.
  if (dir == "-") return Status::Error("-: a set of CSV tables cannot go to standard output; name a folder");
  Place p;
  std::string path = dir;
  struct stat st;
  if (stat(dir.c_str(), &st) == 0) {
    if (!S_ISDIR(st.st_mode)) return Status::Error(fmt::format("{}: is not a directory", dir));
    char real[PATH_MAX];
    if (!realpath(dir.c_str(), real)) return Status::Error(fmt::format("{}: {}", dir, std::strerror(errno)));
    path = real;
    // The folder is replaced: the one brink (and the user's shell) stands in must not be.
    char here[PATH_MAX];
    if (getcwd(here, sizeof here) && path == here) {
      return Status::Error(fmt::format("{}: is the current directory, which would be replaced; "
                                       "name a folder of its own for the CSV files", dir));
    }
    p.exists = true;
    p.mode = st.st_mode & 07777;
  } else if (errno != ENOENT || lstat(dir.c_str(), &st) == 0) {
    return Status::Error(fmt::format("{}: {}", dir, errno == ENOENT ? "is a symbolic link to a missing folder" : std::strerror(errno)));
  }
  std::filesystem::path fs_path = std::filesystem::path(path).lexically_normal();
  if (!fs_path.has_filename()) fs_path = fs_path.parent_path();
  p.name = fs_path.filename().string();
  p.parent = fs_path.parent_path().empty() ? "." : fs_path.parent_path().string();
  if (p.name.empty() || p.name == "." || p.name == ".." || p.name == "/") {
    return Status::Error(fmt::format("{}: name a folder by its own name (not '.' or '/')", dir));
  }
  return p;
}

// The entries of a folder other than "." and "..", or an error.
Result<std::vector<std::string>> Entries(int dir_fd, const std::string& shown) {
  int fd = openat(dir_fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  DIR* d = fd >= 0 ? fdopendir(fd) : nullptr;
  if (!d) {
    if (fd >= 0) ::close(fd);
    return Status::Error(fmt::format("{}: cannot read the folder: {}", shown, std::strerror(errno)));
  }
  std::vector<std::string> names;
  while (const dirent* e = readdir(d)) {
    std::string name = e->d_name;
    if (name != "." && name != "..") names.push_back(name);
  }
  closedir(d);
  return names;
}

Status OnlyTheSet(const std::string& dir, const std::vector<std::string>& names) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return Status::Error(fmt::format("{}: cannot open: {}", dir, std::strerror(errno)));
  Result<std::vector<std::string>> entries = Entries(fd, dir);
  ::close(fd);
  if (!entries.ok()) return Status::Error(entries.message());
  for (const std::string& name : entries.value()) {
    if (std::find(names.begin(), names.end(), name) == names.end()) {
      return Status::Error(fmt::format(
          "{}: holds '{}', which is not one of brink's files; the folder is replaced as a whole, "
          "so name a new folder or one that holds only {}", dir, name, fmt::join(names, ", ")));
    }
  }
  return {};
}

Status WriteInto(int dir_fd, const std::string& shown, const std::string& name, const std::string& content) {
  int fd = openat(dir_fd, name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
  if (fd < 0) return Status::Error(fmt::format("{}/{}: cannot create: {}", shown, name, std::strerror(errno)));
  std::string_view rest = content;
  int error = 0;
  while (!rest.empty() && error == 0) {
    ssize_t n = ::write(fd, rest.data(), rest.size());
    if (n < 0 && errno != EINTR) error = errno;
    if (n > 0) rest.remove_prefix(static_cast<std::size_t>(n));
  }
  if (error == 0 && fsync(fd) != 0) error = errno;
  if (::close(fd) != 0 && error == 0) error = errno;
  if (error != 0) return Status::Error(fmt::format("{}/{}: cannot write: {}", shown, name, std::strerror(error)));
  return {};
}

// Removes a folder brink made and the files in it (no subfolders: brink makes none).
void RemoveSet(int parent_fd, const std::string& name) {
  int fd = openat(parent_fd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd >= 0) {
    Result<std::vector<std::string>> entries = Entries(fd, name);
    if (entries.ok()) {
      for (const std::string& e : entries.value()) unlinkat(fd, e.c_str(), 0);
    }
    ::close(fd);
  }
  unlinkat(parent_fd, name.c_str(), AT_REMOVEDIR);
}

}  // namespace

Status CheckWritableFileSet(const std::string& dir, const std::vector<std::string>& names) {
  Result<Place> place = Locate(dir);
  if (!place.ok()) return Status::Error(place.message());
  const Place& p = place.value();
  std::error_code ec;
  if (!std::filesystem::is_directory(p.parent, ec)) {
    return Status::Error(fmt::format("{}: the directory '{}' does not exist", dir, p.parent));
  }
  if (access(p.parent.c_str(), W_OK) != 0) {
    return Status::Error(fmt::format("{}: cannot write in '{}': {}", dir, p.parent, std::strerror(errno)));
  }
  if (p.exists) return OnlyTheSet(dir, names);
  return {};
}

Status WriteFileSet(const std::string& dir, const FileSet& files) {
  std::vector<std::string> names;
  for (const auto& file : files) names.push_back(file.first);
  if (Status st = CheckWritableFileSet(dir, names); !st.ok()) return st;
  const Place p = Locate(dir).take();
  int parent_fd = ::open(p.parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (parent_fd < 0) {
    return Status::Error(fmt::format("{}: cannot open '{}': {}", dir, p.parent, std::strerror(errno)));
  }
  // mkdirat fails on any existing name, a planted symlink included.
  std::string temp;
  for (int attempt = 0; temp.empty() && attempt < kTempNameAttempts; ++attempt) {
    std::string name = TempName(p.name, "tmp", attempt);
    if (mkdirat(parent_fd, name.c_str(), 0777) == 0) temp = name;
    else if (errno != EEXIST) break;
  }
  if (temp.empty()) {
    int error = errno;
    ::close(parent_fd);
    return Status::Error(fmt::format("{}: cannot create a folder beside it: {}", dir, std::strerror(error)));
  }
  auto fail = [&](Status st) {
    RemoveSet(parent_fd, temp);
    ::close(parent_fd);
    return st;
  };
  int temp_fd = openat(parent_fd, temp.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (temp_fd < 0) return fail(Status::Error(fmt::format("{}: {}", dir, std::strerror(errno))));
  Status written;
  if (p.exists && fchmod(temp_fd, p.mode) != 0) {
    written = Status::Error(fmt::format("{}: cannot keep the folder's mode: {}", dir, std::strerror(errno)));
  }
  for (const auto& [name, content] : files) {
    if (written.ok()) written = WriteInto(temp_fd, dir, name, content);
  }
  if (written.ok() && fsync(temp_fd) != 0) {
    written = Status::Error(fmt::format("{}: cannot write: {}", dir, std::strerror(errno)));
  }
  ::close(temp_fd);
  if (!written.ok()) return fail(written);
  // A folder already there is exchanged in one step, so the name always holds a whole set.
  const unsigned flags = p.exists ? RENAME_EXCHANGE : RENAME_NOREPLACE;
  std::string old = temp;  // where the old set ends up
  if (renameat2(parent_fd, temp.c_str(), parent_fd, p.name.c_str(), flags) != 0) {
    if (errno != EINVAL && errno != ENOSYS) {
      return fail(Status::Error(fmt::format("{}: cannot put the new files in place: {}", dir, std::strerror(errno))));
    }
    // A file system without renameat2's flags: the old set is moved aside first, so the name
    // is briefly missing but never holds a mix of two sets.
    old = TempName(p.name, "old", 0);
    if (p.exists && renameat(parent_fd, p.name.c_str(), parent_fd, old.c_str()) != 0) {
      return fail(Status::Error(fmt::format("{}: cannot move the old files aside: {}", dir, std::strerror(errno))));
    }
    if (renameat(parent_fd, temp.c_str(), parent_fd, p.name.c_str()) != 0) {
      const int error = errno;
      if (p.exists) renameat(parent_fd, old.c_str(), parent_fd, p.name.c_str());
      return fail(Status::Error(fmt::format("{}: cannot put the new files in place: {}", dir, std::strerror(error))));
    }
  }
  if (p.exists) RemoveSet(parent_fd, old);
  fsync(parent_fd);
  ::close(parent_fd);
  return {};
}

}  // namespace brink
