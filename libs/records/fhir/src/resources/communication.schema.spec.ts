import { fullCommunication, minimalCommunication } from '../testing/administrative.examples';
import { omit, problemsOf } from '../testing/issues';

describe('Communication', () => {
  it('accepts the full and the minimal example', () => {
    expect(problemsOf(fullCommunication())).toEqual([]);
    expect(problemsOf(minimalCommunication())).toEqual([]);
  });

  it('requires a status (1..1) from EventStatus', () => {
    expect(problemsOf(omit(fullCommunication(), 'status'))).toEqual([['Communication.status', 'required']]);
    expect(problemsOf({ ...minimalCommunication(), status: 'sent' })).toEqual([['Communication.status', 'code-invalid']]);
  });

  it('checks the priority (required binding)', () => {
    expect(problemsOf({ ...minimalCommunication(), priority: 'high' })).toEqual([['Communication.priority', 'code-invalid']]);
  });

  it('requires exactly one content[x] per payload', () => {
    const payload = [
      { contentString: 'see attached', contentReference: { reference: 'DocumentReference/d-1' } },
      { extension: [{ url: 'https://x.example/e', valueBoolean: true }] },
    ];
    expect(problemsOf({ ...minimalCommunication(), payload })).toEqual([
      ['Communication.payload[0].content[x]', 'structure'],
      ['Communication.payload[1].content[x]', 'required'],
    ]);
  });

  it('refuses an empty payload object (ele-1) and says what it lacks', () => {
    expect(problemsOf({ ...minimalCommunication(), payload: [{}] })).toEqual([
      ['Communication.payload[0]', 'structure'],
      ['Communication.payload[0].content[x]', 'required'],
    ]);
  });

  it('att-1: attached data has a content type', () => {
    const payload = [{ contentAttachment: { data: 'SGVsbG8sIEFuYQ==', title: 'note.txt' } }];
    expect(problemsOf({ ...minimalCommunication(), payload })).toEqual([['Communication.payload[0].contentAttachment', 'invariant']]);
    const typed = [{ contentAttachment: { contentType: 'text/plain; charset=utf-8', data: 'SGVsbG8sIEFuYQ==', size: 10 } }];
    expect(problemsOf({ ...minimalCommunication(), payload: typed })).toEqual([]);
  });

  it('checks attachment data is base64 and the content type a MIME type', () => {
    const payload = [{ contentAttachment: { contentType: 'pdf', data: 'not base64!' } }];
    expect(problemsOf({ ...minimalCommunication(), payload })).toEqual([
      ['Communication.payload[0].contentAttachment.contentType', 'value'],
      ['Communication.payload[0].contentAttachment.data', 'value'],
    ]);
  });

  it('checks the dateTimes', () => {
    expect(problemsOf({ ...fullCommunication(), sent: '01/03/2024', received: '2024-03-01T11:00:00+15:00' })).toEqual([
      ['Communication.sent', 'value'],
      ['Communication.received', 'value'],
    ]);
  });
});
