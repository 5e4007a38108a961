/**
 * A school as the officer fills in Settings, and a request as the log holds
 * it, for the template, letter and mail tests. Hillside Academy is invented;
 * the exam facts are the June 2026 seed rows.
 */
import { defaultSettings } from '../../src/domain/settings';
import type { Settings } from '../../src/domain/types';
import { request } from './requestFixture';

export const SCHOOL: Settings = {
  ...defaultSettings(),
  centreName: 'Hillside Academy',
  centreNumber: '68199',
  centreAddress: 'Hill Road, Leeds LS6 2AA',
  officerName: 'Jo Patel',
  officerEmail: 'exams@hillside.example.org',
  sltContact: 'Mr Okafor (Deputy Head), in the library until 1pm',
  enquiriesContact: 'the exams office (exams@hillside.example.org, 0113 496 0000)',
};

/** Amy Brown's review of marking of AQA A level Chemistry paper 1: B, 61 marks, £48.65 paid. */
export const amysReview = request;
