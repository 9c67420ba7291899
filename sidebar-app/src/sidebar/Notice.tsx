import { Alert } from '@zendeskgarden/react-notifications';
import type { ReactNode } from 'react';

export function Notice({ title, type = 'info', children }: { title: string; type?: 'info' | 'warning' | 'error' | 'success'; children?: ReactNode }) {
  return (
    <Alert type={type} role={type === 'error' ? 'alert' : 'status'}>
      <Alert.Title>{title}</Alert.Title>
      {children}
    </Alert>
  );
}
