import { UseGuards, UsePipes, ValidationPipe } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, type MessageMappingProperties } from '@nestjs/websockets';
import { callOf, DirectSocketMessage, type ListeningSocket } from './shared-message-listeners';

const socket = { disconnected: false, on: () => socket, emit: () => true } as ListeningSocket;

function handlerOf(instance: object, methodName: string, nest: MessageMappingProperties['callback']): MessageMappingProperties {
  return { message: methodName, methodName, callback: nest, isAckHandledManually: false };
}

class Direct {
  @SubscribeMessage('update')
  @DirectSocketMessage()
  update(@ConnectedSocket() client: ListeningSocket, @MessageBody() body: unknown): Promise<unknown> {
    return Promise.resolve({ client, body });
  }

  @SubscribeMessage('other')
  other(@ConnectedSocket() client: ListeningSocket, @MessageBody() body: unknown): unknown {
    return { client, body };
  }
}

class Guarded {
  @SubscribeMessage('update')
  @DirectSocketMessage()
  @UseGuards(class {
    canActivate() {
      return false;
    }
  })
  update(@ConnectedSocket() client: ListeningSocket, @MessageBody() body: unknown): unknown {
    return { client, body };
  }
}

@UsePipes(new ValidationPipe())
class PipedGateway {
  @SubscribeMessage('update')
  @DirectSocketMessage()
  update(@ConnectedSocket() client: ListeningSocket, @MessageBody() body: unknown): unknown {
    return { client, body };
  }
}

class Reordered {
  @SubscribeMessage('update')
  @DirectSocketMessage()
  update(@MessageBody() body: unknown, @ConnectedSocket() client: ListeningSocket): unknown {
    return { client, body };
  }
}

describe('shared socket message listeners', () => {
  it('calls a direct handler with (socket, body) itself, and any other through Nest\'s handler', async () => {
    const gateway = new Direct();
    const nest = jest.fn(() => Promise.resolve('through Nest'));

    await expect(callOf(handlerOf(gateway, 'update', nest), gateway)(socket, 'bytes', undefined)).resolves.toEqual({ client: socket, body: 'bytes' });
    expect(nest).not.toHaveBeenCalled();

    await expect(callOf(handlerOf(gateway, 'other', nest), gateway)(socket, 'bytes', undefined)).resolves.toBe('through Nest');
    expect(nest).toHaveBeenCalledWith(socket, 'bytes', undefined);
  });

  it('refuses a direct handler that a guard, a pipe or another parameter layout would change', () => {
    const nest = jest.fn();
    expect(() => callOf(handlerOf(new Guarded(), 'update', nest), new Guarded())).toThrow('Guarded.update is a direct socket message but has __guards__');
    expect(() => callOf(handlerOf(new PipedGateway(), 'update', nest), new PipedGateway())).toThrow('PipedGateway.update is a direct socket message but has __pipes__');
    expect(() => callOf(handlerOf(new Reordered(), 'update', nest), new Reordered())).toThrow('its parameters must be (@ConnectedSocket(), @MessageBody())');
  });
});
