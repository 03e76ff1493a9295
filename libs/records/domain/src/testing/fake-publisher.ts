// The shared recording publisher, under the name these specs use.
export { RecordingPublisher as FakePublisher, type Published } from '@carechain/messaging/testing';
