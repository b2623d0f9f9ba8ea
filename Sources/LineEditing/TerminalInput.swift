#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where libedit gets its characters while `readline` runs: the terminal,
/// read one byte at a time, and the interrupt wake-up pipe, in one `poll`.
///
/// libedit's own reader relies on the SIGINT making its blocked `read(2)`
/// fail with EINTR. A Ctrl-C that lands while libedit is busy (redrawing
/// the line after a key, or between two reads) interrupts nothing that
/// matters, and the next `read` blocks as if it had never come: the user
/// had to press Ctrl-C again. Here the signal handler also writes a byte to
/// a pipe this reader polls, and the interrupt flag is checked before every
/// wait, so a Ctrl-C ends the line whenever it arrives.
enum TerminalInput {
    /// The function libedit calls for each character (`rl_getc_function`):
    /// a Unicode scalar value, or -1 for end of input or an interrupt
    /// (`Readline.readOneLine` tells them apart by the interrupt flag).
    static let getCharacter: @convention(c) (UnsafeMutablePointer<FILE>?) -> Int32 = { stream in
        let descriptor = stream.map { fileno($0) } ?? STDIN_FILENO
        return TerminalInput.readScalar(from: descriptor)
    }

    /// Reads one UTF-8 encoded character. A byte that cannot start or
    /// continue a character is dropped, as libedit drops it; a byte that
    /// starts a new character in the middle of another starts over there.
    static func readScalar(from descriptor: Int32) -> Int32 {
        guard var byte = readByte(from: descriptor) else { return -1 }
        while true {
            if byte < 0x80 { return Int32(byte) }
            let continuationCount: Int
            switch byte {
            case 0xC2...0xDF: continuationCount = 1
            case 0xE0...0xEF: continuationCount = 2
            case 0xF0...0xF4: continuationCount = 3
            default:
                guard let next = readByte(from: descriptor) else { return -1 }
                byte = next
                continue
            }
            var scalar = UInt32(byte) & (0x7F >> (continuationCount + 1))
            var restart: UInt8?
            for _ in 0..<continuationCount {
                guard let next = readByte(from: descriptor) else { return -1 }
                guard next & 0xC0 == 0x80 else {
                    restart = next
                    break
                }
                scalar = scalar << 6 | UInt32(next & 0x3F)
            }
            if let restart {
                byte = restart
                continue
            }
            guard Unicode.Scalar(scalar) != nil else {
                guard let next = readByte(from: descriptor) else { return -1 }
                byte = next
                continue
            }
            return Int32(scalar)
        }
    }

    /// One byte from `descriptor`, or `nil` at end of input, on a read
    /// error, or once Ctrl-C has interrupted the line.
    static func readByte(from descriptor: Int32) -> UInt8? {
        // poll ignores a negative descriptor (no wake-up pipe yet).
        let wakeUp = SignalRouting.readerWakeReadEnd.load(ordering: .acquiring)
        var descriptors = [
            pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wakeUp, events: Int16(POLLIN), revents: 0),
        ]
        while true {
            if SignalRouting.readInterrupted.load(ordering: .acquiring) { return nil }
            descriptors[0].revents = 0
            descriptors[1].revents = 0
            let ready = poll(&descriptors, nfds_t(descriptors.count), -1)
            if ready < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return nil
            }
            if descriptors[1].revents != 0 {
                SignalRouting.drainReaderWakeUps()
                continue
            }
            guard descriptors[0].revents != 0 else { continue }
            var byte: UInt8 = 0
            let count = read(descriptor, &byte, 1)
            if count == 1 { return byte }
            if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            return nil
        }
    }
}
