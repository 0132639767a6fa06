// Output files named on the command line, written so that no reader ever sees a partial file
// and nobody who can write to the output's folder can redirect the write elsewhere.
//
// A regular file (or a name not yet taken) is written to an unnamed temporary file
// (O_TMPFILE) in the same folder, or where that is unsupported to a fresh name opened with
// O_EXCL|O_NOFOLLOW, so a planted file or symlink is never followed; then fsync, rename over
// the target, fsync of the folder. A replaced file keeps its permission bits. A symlink the user
// named is followed, as a shell redirection would: the file it names is replaced.
// "-" or the very file standard output is (e.g. /dev/stdout) streams to standard output; a pipe
// or a character device (a FIFO, /dev/null, a terminal) is written directly, never replaced.
// Anything else (a directory, a socket, a block device) is refused.
#ifndef BRINK_OUTPUT_FILE_H_
#define BRINK_OUTPUT_FILE_H_

#include <atomic>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "brink/status.h"

namespace brink {

class OutputFile {
 public:
  // How a regular file's temporary copy is made. kUnnamed falls back to kNamed by itself where
  // the file system lacks O_TMPFILE; tests choose kNamed to exercise that path.
  enum class Temp { kUnnamed, kNamed };

  explicit OutputFile(Temp temp = Temp::kUnnamed) : temp_(temp) {}
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  // Discards an output not committed: the temporary file goes, the target is untouched.
  ~OutputFile();

  // Opens `path` for writing. A FIFO is opened here, so this waits for its reader.
  Status Open(const std::string& path);
  // Appends; errors (a full disk, a file size limit) are kept and reported by Commit too.
  Status Write(std::string_view text);
  // Makes the output durable and visible under its name.
  Status Commit();
  // When `*cancel` is set by Commit (e.g. by a SIGINT handler), a file is discarded instead:
  // Commit returns an error and the target is untouched. Streams cannot be taken back.
  void CancelOn(const std::atomic<bool>* cancel) { cancel_ = cancel; }
  // Whether the output goes to standard output (callers then leave their text out of it).
  bool to_stdout() const { return kind_ == Kind::kStdout; }

 private:
  enum class Kind { kNone, kStdout, kStream, kFile };
  Status Fail(std::string what, int error);
  void Discard();

  Temp temp_;
  Kind kind_ = Kind::kNone;
  std::string path_;       // as the user named it, for messages
  std::string base_;       // the target's name inside its folder
  std::string temp_name_;  // the named temporary file, empty while unnamed or none
  int dir_fd_ = -1;
  int fd_ = -1;
  std::string error_;      // first write error, reported again by Commit
  const std::atomic<bool>* cancel_ = nullptr;
};

// What `path` would be written as, checked before any work so that a bad output path fails
// fast: an error if it is a directory, a socket, a block device, a dangling symlink, or a file
// whose folder is missing or not writable.
Status CheckWritable(const std::string& path);
// Whether `path` names standard output ("-", or the same file as file descriptor 1).
bool IsStandardOutput(const std::string& path);

// A set of files (CSV tables) that belongs together, written into folder `dir` as a whole:
// built in a fresh folder beside it, then renamed into place (or atomically exchanged with the
// folder already there, whose old set is then removed). A reader, a full disk or a concurrent
// forecast into the same folder thus never leaves a mix of old and new files. Because the
// folder is replaced, it may hold only files of the set.
using FileSet = std::vector<std::pair<std::string, std::string>>;  // (name, content)
Status WriteFileSet(const std::string& dir, const FileSet& files);
// Checked before any work: `dir` is missing with a writable parent folder, or is a folder that
// holds only files named in `names`, in a writable parent.
Status CheckWritableFileSet(const std::string& dir, const std::vector<std::string>& names);

// Open, Write, Commit in one (with CancelOn(cancel)).
Status WriteFileAtomically(const std::string& path, std::string_view content,
                           OutputFile::Temp temp = OutputFile::Temp::kUnnamed,
                           const std::atomic<bool>* cancel = nullptr);

}  // namespace brink

#endif  // BRINK_OUTPUT_FILE_H_
