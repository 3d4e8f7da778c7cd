import { Column, Entity, PrimaryColumn } from 'typeorm';

/** That one person opened one received message: the inbox shows it unread to everyone else. */
@Entity('message_read')
export class MessageReadEntity {
  @PrimaryColumn('varchar')
  messageId!: string;

  /** The account's id (libs/accounts); machine clients read nothing on anyone's behalf. */
  @PrimaryColumn('varchar')
  personId!: string;

  /** When they first opened it. */
  @Column('varchar')
  readAt!: string;
}
