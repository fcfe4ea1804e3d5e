package dev.tracepost.contract;

import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;

/**
 * A request body's bytes where they already are: the body handler's buffer is a heap array, which the
 * number scan, the NUL scan and the JSON parser can read in place instead of each taking a copy.
 */
record BodyBytes(byte[] array, int offset, int length) {

  static BodyBytes of(Buffer buffer) {
    if (buffer instanceof BufferInternal internal) {
      ByteBuf bytes = internal.getByteBuf();
      if (bytes.hasArray()) {
        return new BodyBytes(bytes.array(), bytes.arrayOffset() + bytes.readerIndex(), bytes.readableBytes());
      }
    }
    byte[] copy = buffer.getBytes();
    return new BodyBytes(copy, 0, copy.length);
  }

  byte at(int index) {
    return array[offset + index];
  }
}
